import { Engine } from 'json-rules-engine';
import { CODE_FACTS, type CodeFile } from './codes.js';
import {
  OPERATOR_FNS,
  compileCondition,
  factsOf,
  fromEngineResult,
  isFactRef,
  type Condition,
  type ConditionResult,
} from './conditions.js';
import { FACTS, itemsOf, SUBJECT_LIST, SUBJECTS, type ItemContext, type ScenarioContext, type Subject } from './facts.js';
import type { CompiledPack, CompiledRule } from './rule-pack.js';
import type { CodeId } from './scenario.js';

/**
 * One rule as the engine runs it: the rule itself, or — for a rule that reads code thresholds —
 * one copy per applied code, with that code's thresholds bound in.
 */
export interface Variant {
  readonly name: string;
  readonly rule: CompiledRule;
  readonly code: CodeId | undefined;
  /** The conditions as json-rules-engine receives them (code facts renamed per code). */
  readonly engineConditions: Condition;
  readonly sync: (facts: ReadonlyMap<string, unknown>) => ConditionResult;
  /** The same, evaluating every condition (no short-circuit), for explanations. */
  readonly full: (facts: ReadonlyMap<string, unknown>) => ConditionResult;
}

/** What is evaluated for one set of applied codes: the variants and facts for each subject. */
export interface Plan {
  readonly rules: readonly CompiledRule[];
  readonly bySubject: ReadonlyMap<Subject, SubjectPlan>;
}

export interface SubjectPlan {
  readonly subject: Subject;
  readonly variants: readonly Variant[];
  /** The scenario facts the variants read; computed per check. */
  readonly factNames: readonly string[];
  /** Code thresholds bound to the variants: constant for every check. */
  readonly codeFacts: ReadonlyMap<string, unknown>;
  /** Engines not in use. An engine runs one check at a time: json-rules-engine keeps per-run state on it. */
  readonly idle: Engine[];
}

/** The result of one variant on one subject item. */
export interface VariantOutcome {
  readonly variant: Variant;
  readonly item: ItemContext | undefined;
  readonly result: ConditionResult;
}

/** A code threshold fact bound to one code (`code.giftCapUsd@bacb`), as the engine sees it. */
const boundName = (fact: string, code: CodeId): string => `${fact}@${code}`;

/** The fact a bound name stands for: `code.giftCapUsd@bacb` → `code.giftCapUsd`; other names unchanged. */
export function unboundName(fact: string): string {
  const at = fact.indexOf('@');
  return at === -1 ? fact : fact.slice(0, at);
}

/** Idle engines kept per subject and set of codes. */
const MAX_IDLE_ENGINES = 8;

function bindCodeFacts(condition: Condition, code: CodeId): Condition {
  if ('all' in condition) return { all: condition.all.map((c) => bindCodeFacts(c, code)) };
  if ('any' in condition) return { any: condition.any.map((c) => bindCodeFacts(c, code)) };
  if ('not' in condition) return { not: bindCodeFacts(condition.not, code) };
  const fact = CODE_FACTS.has(condition.fact) ? boundName(condition.fact, code) : condition.fact;
  const value = isFactRef(condition.value) && CODE_FACTS.has(condition.value.fact) ? { fact: boundName(condition.value.fact, code) } : condition.value;
  return { fact, operator: condition.operator, value };
}

/** Whether a rule applies under the applied codes, in the scenario's jurisdiction. */
export function applies(rule: CompiledRule, codes: readonly CodeId[], jurisdiction?: string): boolean {
  if (rule.jurisdiction !== undefined) return rule.jurisdiction === jurisdiction;
  return rule.codes.some((c) => codes.includes(c));
}

/** Builds the evaluation plan for one set of applied codes and one jurisdiction. */
export function buildPlan(pack: CompiledPack, codes: readonly CodeId[], jurisdiction?: string): Plan {
  const rules = pack.rules.filter((r) => applies(r, codes, jurisdiction));
  const bySubject = new Map<Subject, SubjectPlan>();
  for (const subject of SUBJECTS) {
    const variants: Variant[] = [];
    const codeFacts = new Map<string, unknown>();
    for (const rule of rules.filter((r) => r.subject === subject)) {
      const variantCodes: (CodeId | undefined)[] = rule.codeScoped ? rule.codes.filter((c) => codes.includes(c)) : [undefined];
      for (const code of variantCodes) {
        const conditions = code ? bindCodeFacts(rule.conditions, code) : rule.conditions;
        if (code) {
          const registry = pack.codes.get(code) as CodeFile;
          for (const f of factsOf(rule.conditions)) {
            const def = CODE_FACTS.get(f);
            if (def) codeFacts.set(boundName(f, code), def.get(registry));
          }
        }
        const resolve = (name: string) => (codeFacts.has(name) ? () => codeFacts.get(name) : (facts: ReadonlyMap<string, unknown>) => facts.get(name));
        const sync = compileCondition(conditions, resolve);
        // The full evaluator serves explanations only: compiled the first time one is asked for.
        let fullFn: ((facts: ReadonlyMap<string, unknown>) => ConditionResult) | undefined;
        const full = (facts: ReadonlyMap<string, unknown>) => (fullFn ??= compileCondition(conditions, resolve, false))(facts);
        variants.push({ name: code ? `${rule.id}@${code}` : rule.id, rule, code, engineConditions: conditions, sync, full });
      }
    }
    const factNames = new Set<string>();
    for (const v of variants) for (const f of factsOf(v.engineConditions)) if (!codeFacts.has(f)) factNames.add(f);
    bySubject.set(subject, { subject, variants, factNames: [...factNames], codeFacts, idle: [] });
  }
  return { rules, bySubject };
}

function newEngine(plan: SubjectPlan): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false, allowUndefinedConditions: false });
  // Our operators replace the engine's: same semantics, and an absent value is never compared.
  for (const [name, fn] of Object.entries(OPERATOR_FNS)) {
    engine.addOperator(name, (a: unknown, b: unknown) => a !== undefined && b !== undefined && fn(a, b));
  }
  for (const [name, value] of plan.codeFacts) engine.addFact(name, value as never);
  for (const v of plan.variants) {
    // The engine wants a group at the root; the wrapper is dropped again when results are read.
    engine.addRule({ name: v.name, priority: 1, conditions: { all: [v.engineConditions] } as never, event: { type: 'evaluated' } });
  }
  return engine;
}

export function subjectItems(ctx: ScenarioContext, subject: Subject): (ItemContext | undefined)[] {
  return subject === 'scenario' ? [undefined] : itemsOf(ctx.scenario, subject as keyof typeof SUBJECT_LIST);
}

export function factValues(plan: SubjectPlan, ctx: ScenarioContext, item: ItemContext | undefined): Map<string, unknown> {
  const facts = new Map<string, unknown>();
  for (const name of plan.factNames) facts.set(name, FACTS.get(name)?.get(ctx, item));
  return facts;
}

/** Evaluates every variant with the compiled, synchronous evaluator. */
export function evaluateSync(plan: Plan, ctx: ScenarioContext): VariantOutcome[] {
  const out: VariantOutcome[] = [];
  for (const sp of plan.bySubject.values()) {
    if (sp.variants.length === 0) continue;
    for (const item of subjectItems(ctx, sp.subject)) {
      const facts = factValues(sp, ctx, item);
      for (const variant of sp.variants) out.push({ variant, item, result: variant.sync(facts) });
    }
  }
  return out;
}

/** Evaluates every variant with json-rules-engine, an engine per run, none shared between runs. */
export async function evaluateWithEngine(plan: Plan, ctx: ScenarioContext): Promise<VariantOutcome[]> {
  const runs: Promise<VariantOutcome[]>[] = [];
  for (const sp of plan.bySubject.values()) {
    if (sp.variants.length === 0) continue;
    const byName = new Map(sp.variants.map((v) => [v.name, v]));
    for (const item of subjectItems(ctx, sp.subject)) {
      const facts = Object.fromEntries(factValues(sp, ctx, item));
      runs.push(
        (async () => {
          const engine = sp.idle.pop() ?? newEngine(sp);
          try {
            const { results, failureResults } = await engine.run(facts);
            return [...results, ...failureResults].map((r) => {
              const variant = byName.get(r.name as string);
              if (!variant) throw new Error(`internal: the engine returned an unknown rule "${String(r.name)}"`);
              const wrapper = fromEngineResult(r.conditions);
              const result = wrapper.kind === 'all' && wrapper.children[0] ? wrapper.children[0] : wrapper;
              return { variant, item, result };
            });
          } finally {
            // Keep a few idle engines for the next checks; a burst of concurrent checks leaves no more.
            if (sp.idle.length < MAX_IDLE_ENGINES) sp.idle.push(engine);
          }
        })(),
      );
    }
  }
  const all = (await Promise.all(runs)).flat();
  // The engine reports in completion order; restore the plan's order so both evaluators agree.
  const order = new Map<Variant, number>();
  for (const sp of plan.bySubject.values()) sp.variants.forEach((v) => order.set(v, order.size));
  return all.sort(
    (a, b) => (order.get(a.variant) ?? 0) - (order.get(b.variant) ?? 0) || (a.item?.index ?? 0) - (b.item?.index ?? 0),
  );
}
