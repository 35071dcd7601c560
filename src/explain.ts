import { CODE_FACTS } from './codes.js';
import { isFactRef, type ConditionResult, type Operator, type Tri } from './conditions.js';
import { applies, factValues, subjectItems, unboundName, type Plan } from './evaluate.js';
import { concretePath, FACTS, type ItemContext, type ScenarioContext } from './facts.js';
import type { CompiledPack } from './rule-pack.js';
import type { CodeId } from './scenario.js';
import type { Finding } from './types.js';

/** How a condition came out: `undetermined` when a fact it needs is absent from the scenario. */
export type ExplainResult = 'true' | 'false' | 'undetermined';

export interface ExplainLeaf {
  readonly kind: 'leaf';
  readonly fact: string;
  /** The scenario paths the fact is read from (or a code's threshold, for `code.*` facts). */
  readonly paths: readonly string[];
  /** The fact's value in this scenario (absent: undefined). */
  readonly value: unknown;
  readonly operator: Operator;
  /** The value compared against: a literal, or `{ fact }` with its value beside it. */
  readonly expected: unknown;
  readonly expectedValue?: unknown;
  readonly result: ExplainResult;
}

export interface ExplainGroup {
  readonly kind: 'all' | 'any' | 'not';
  readonly result: ExplainResult;
  readonly children: readonly ExplainNode[];
}

export type ExplainNode = ExplainLeaf | ExplainGroup;

export interface Explanation {
  readonly ruleId: string;
  readonly title: string;
  readonly asOf: string;
  readonly codes: readonly CodeId[];
  /** fired, quiet (decided, not fired), undetermined, or not-applicable (no applied code, or another jurisdiction). */
  readonly outcome: 'fired' | 'quiet' | 'undetermined' | 'not-applicable';
  /** Why the rule does not apply, when it does not. */
  readonly reason?: string;
  /** One evaluation per list item (for item rules) and per applied code (for rules that read code thresholds). */
  readonly evaluations: readonly {
    readonly subject?: string;
    readonly code?: string;
    readonly result: ExplainResult;
    readonly conditions: ExplainNode;
  }[];
  /** The findings the rule produced, as in the report. */
  readonly findings: readonly Finding[];
}

const tri = (r: Tri): ExplainResult => (r === undefined ? 'undetermined' : r ? 'true' : 'false');

function pathsOf(fact: string, item: ItemContext | undefined, code: CodeId | undefined): string[] {
  const base = unboundName(fact);
  const def = FACTS.get(base);
  if (def) return def.sources.map((s) => concretePath(s, item));
  if (CODE_FACTS.has(base)) return [`(codes registry) ${code ?? ''}: ${base.slice('code.'.length)}`];
  return [];
}

function toNode(r: ConditionResult, item: ItemContext | undefined, code: CodeId | undefined): ExplainNode {
  if (r.kind !== 'leaf') return { kind: r.kind, result: tri(r.result), children: r.children.map((c) => toNode(c, item, code)) };
  const fact = unboundName(r.fact);
  const expected = isFactRef(r.value) ? { fact: unboundName(r.value.fact) } : r.value;
  return {
    kind: 'leaf',
    fact,
    paths: pathsOf(r.fact, item, code),
    value: r.factValue,
    operator: r.operator,
    expected,
    ...(isFactRef(r.value) ? { expectedValue: r.valueValue } : {}),
    result: tri(r.result),
  };
}

/** Evaluates one rule on a scenario, keeping every condition's inputs and result. */
export function explainRule(
  pack: CompiledPack,
  plan: Plan,
  ctx: ScenarioContext,
  ruleId: string,
  findings: readonly Finding[],
): Explanation | undefined {
  const rule = pack.rules.find((r) => r.id === ruleId);
  if (!rule) return undefined;
  const head = { ruleId, title: rule.title, asOf: ctx.asOf, codes: [...ctx.codes] };
  const jurisdiction = ctx.scenario.jurisdiction;
  if (!applies(rule, ctx.codes, jurisdiction)) {
    const reason = rule.jurisdiction
      ? `it states the law of ${rule.jurisdiction}; the scenario's jurisdiction is ${jurisdiction ?? 'not given'}`
      : `it applies under ${rule.codes.join(', ')}; the codes applied are ${ctx.codes.join(', ')}`;
    return { ...head, outcome: 'not-applicable', reason, evaluations: [], findings: [] };
  }
  const sp = plan.bySubject.get(rule.subject);
  const variants = sp?.variants.filter((v) => v.rule.id === ruleId) ?? [];
  const evaluations: Explanation['evaluations'][number][] = [];
  if (sp) {
    for (const item of subjectItems(ctx, rule.subject)) {
      const facts = factValues(sp, ctx, item);
      for (const v of variants) {
        const result = v.full(facts);
        evaluations.push({
          ...(item ? { subject: item.path } : {}),
          ...(v.code ? { code: v.code } : {}),
          result: tri(result.result),
          conditions: toNode(result, item, v.code),
        });
      }
    }
  }
  const mine = findings.filter((f) => f.ruleId === ruleId);
  const outcome = mine.length > 0 ? 'fired' : evaluations.some((e) => e.result === 'undetermined') ? 'undetermined' : 'quiet';
  return { ...head, outcome, ...(evaluations.length === 0 ? { reason: `the scenario has no ${rule.subject} items` } : {}), evaluations, findings: mine };
}
