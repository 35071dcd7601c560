/**
 * Rule conditions: the JSON shape json-rules-engine evaluates, the operators we allow, and the
 * three-valued reading of a condition tree (true, false, or undecided for lack of facts).
 */

export const OPERATORS = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface FactRef {
  readonly fact: string;
}
export interface Leaf {
  readonly fact: string;
  readonly operator: Operator;
  readonly value: unknown;
}
export type Condition =
  | Leaf
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

export function isFactRef(value: unknown): value is FactRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as FactRef).fact === 'string';
}

/**
 * The operators' semantics, for defined values. json-rules-engine is given these same functions
 * (replacing its own), so both evaluators agree; an absent value never reaches them.
 */
export const OPERATOR_FNS: Readonly<Record<Operator, (a: unknown, b: unknown) => boolean>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => Array.isArray(b) && b.includes(a),
  notIn: (a, b) => Array.isArray(b) && !b.includes(a),
  contains: (a, b) => Array.isArray(a) && a.includes(b),
  doesNotContain: (a, b) => Array.isArray(a) && !a.includes(b),
  lessThan: (a, b) => typeof a === 'number' && typeof b === 'number' && a < b,
  lessThanInclusive: (a, b) => typeof a === 'number' && typeof b === 'number' && a <= b,
  greaterThan: (a, b) => typeof a === 'number' && typeof b === 'number' && a > b,
  greaterThanInclusive: (a, b) => typeof a === 'number' && typeof b === 'number' && a >= b,
};

/** `undefined` means undecided: a fact the condition needs is absent from the scenario. */
export type Tri = boolean | undefined;

export interface LeafResult {
  readonly kind: 'leaf';
  readonly fact: string;
  readonly operator: Operator;
  readonly value: unknown;
  readonly factValue: unknown;
  readonly valueValue: unknown;
  readonly result: Tri;
}
export interface GroupResult {
  readonly kind: 'all' | 'any' | 'not';
  readonly children: readonly ConditionResult[];
  readonly result: Tri;
}
export type ConditionResult = LeafResult | GroupResult;

/** Kleene's three-valued `and` / `or` / `not`. */
export function combine(kind: 'all' | 'any' | 'not', results: readonly Tri[]): Tri {
  if (kind === 'not') {
    const r = results[0];
    return r === undefined ? undefined : !r;
  }
  const decisive = kind === 'all' ? false : true;
  if (results.includes(decisive)) return decisive;
  return results.includes(undefined) ? undefined : !decisive;
}

/** A leaf's result: undecided when a side is absent, else the operator's verdict. */
export function leafResult(leaf: Leaf, factValue: unknown, valueValue: unknown, verdict: () => boolean): LeafResult {
  const absent = factValue === undefined || valueValue === undefined;
  return {
    kind: 'leaf',
    fact: leaf.fact,
    operator: leaf.operator,
    value: leaf.value,
    factValue,
    valueValue,
    result: absent ? undefined : verdict(),
  };
}

export function groupResult(kind: 'all' | 'any' | 'not', children: readonly ConditionResult[]): GroupResult {
  return { kind, children, result: combine(kind, children.map((c) => c.result)) };
}

/**
 * Compiles a condition tree into a synchronous evaluator over a fact lookup: closures only, no
 * `eval` or `new Function`, so it runs under a strict Content-Security-Policy.
 */
export function compileCondition(
  condition: Condition,
  resolveFact: (name: string) => (facts: ReadonlyMap<string, unknown>) => unknown,
  shortCircuit = true,
): (facts: ReadonlyMap<string, unknown>) => ConditionResult {
  if ('all' in condition || 'any' in condition) {
    const kind = 'all' in condition ? 'all' : 'any';
    const children = ('all' in condition ? condition.all : condition.any).map((c) => compileCondition(c, resolveFact, shortCircuit));
    const decisive = kind === 'any';
    if (!shortCircuit) return (facts) => groupResult(kind, children.map((c) => c(facts)));
    return (facts) => {
      // Stop at the first decisive child (false for all, true for any): the rest cannot change the
      // result, and neither the evidence (the first true child of an any) nor what is missing
      // (only read from undecided groups, which have no decisive child) depends on them.
      const results: ConditionResult[] = [];
      for (const child of children) {
        const r = child(facts);
        results.push(r);
        if (r.result === decisive) break;
      }
      return groupResult(kind, results);
    };
  }
  if ('not' in condition) {
    const child = compileCondition(condition.not, resolveFact, shortCircuit);
    return (facts) => groupResult('not', [child(facts)]);
  }
  const leaf = condition;
  const op = OPERATOR_FNS[leaf.operator];
  const left = resolveFact(leaf.fact);
  const right = isFactRef(leaf.value) ? resolveFact(leaf.value.fact) : () => leaf.value;
  return (facts) => {
    const a = left(facts);
    const b = right(facts);
    return leafResult(leaf, a, b, () => op(a, b));
  };
}

/**
 * Reads a json-rules-engine rule result (its annotated condition tree) as a three-valued result.
 * Leaves whose fact (or compared fact) is absent are undecided, whatever the engine's boolean says.
 */
export function fromEngineResult(node: unknown): ConditionResult {
  const n = node as Record<string, unknown>;
  for (const kind of ['all', 'any'] as const) {
    if (Array.isArray(n[kind])) return groupResult(kind, (n[kind] as unknown[]).map(fromEngineResult));
  }
  if (n['not'] !== undefined) return groupResult('not', [fromEngineResult(n['not'])]);
  if (typeof n['result'] !== 'boolean') {
    throw new Error(`internal: the engine did not evaluate the condition on fact "${String(n['fact'])}"`);
  }
  const leaf = { fact: n['fact'] as string, operator: n['operator'] as Operator, value: n['value'] };
  const factValue = n['factResult'];
  const valueValue = isFactRef(leaf.value) ? n['valueResult'] : leaf.value;
  return leafResult(leaf, factValue, valueValue, () => n['result'] as boolean);
}

/** The leaves that make `node` come out as `want`: the facts to cite as evidence. */
export function supportingLeaves(node: ConditionResult, want: boolean): LeafResult[] {
  if (node.kind === 'leaf') return node.result === want ? [node] : [];
  if (node.kind === 'not') return node.children[0] ? supportingLeaves(node.children[0], !want) : [];
  const matching = node.children.filter((c) => c.result === want);
  // A true `all` or a false `any` needs every child; otherwise the first decisive child says why.
  const chosen = (node.kind === 'all') === want ? matching : matching.slice(0, 1);
  return chosen.flatMap((c) => supportingLeaves(c, want));
}

/** The undecided leaves that leave `node` undecided. */
export function undecidedLeaves(node: ConditionResult): LeafResult[] {
  if (node.result !== undefined) return [];
  if (node.kind === 'leaf') return [node];
  return node.children.flatMap(undecidedLeaves);
}

/** Every fact a condition tree names, in order of first appearance. */
export function factsOf(condition: Condition, out: Set<string> = new Set()): Set<string> {
  if ('all' in condition) condition.all.forEach((c) => factsOf(c, out));
  else if ('any' in condition) condition.any.forEach((c) => factsOf(c, out));
  else if ('not' in condition) factsOf(condition.not, out);
  else {
    out.add(condition.fact);
    if (isFactRef(condition.value)) out.add(condition.value.fact);
  }
  return out;
}
