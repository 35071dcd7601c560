import { z } from 'zod';
import { todayUtc } from './dates.js';
import { buildPlan, evaluateSync, evaluateWithEngine, type Plan } from './evaluate.js';
import { scenarioContext, type ScenarioContext } from './facts.js';
import { BUILTIN_PACK_SOURCE } from './generated/builtin-pack.js';
import { assembleReport } from './report.js';
import { dotPath, RuleNotFoundError, RulePackError } from './errors.js';
import { composePacks, loadRulePack, type CompiledPack, type ComposeOptions, type RulePackIssue } from './rule-pack.js';
import { parseScenario, type CodeId } from './scenario.js';
import { SEVERITIES, type Citation, type Family, type Report, type Ruleset, type Severity } from './types.js';
import { explainRule, type Explanation } from './explain.js';

export interface CheckerOptions extends ComposeOptions {
  /**
   * The clock, read only for a scenario without `asOf` (today's date in UTC is then used, and the
   * report says so in its `asOf`). Default: the system clock.
   */
  readonly now?: () => Date;
}

export type CheckOptions = CheckerOptions;

function rulesetOf(pack: CompiledPack): Ruleset {
  return Object.freeze({
    name: pack.name,
    version: pack.version,
    hash: pack.hash,
    ...(pack.packs.length > 1 ? { packs: Object.freeze(pack.packs.map((p) => Object.freeze({ ...p }))) } : {}),
  });
}

export interface Checker {
  /** Checks a scenario with json-rules-engine. Throws `ScenarioError` on bad input. */
  check(scenario: unknown): Promise<Report>;
  /**
   * The same check, synchronously, with a compiled evaluator of the same rule JSON; tests hold it
   * to the same reports as `check`.
   */
  checkSync(scenario: unknown): Report;
  /**
   * Explains one rule on a scenario: its condition tree with each fact's path and value, the
   * operator, the expected value and the result. Throws `ScenarioError` on bad input and
   * `RuleNotFoundError` for an unknown rule id.
   */
  explain(scenario: unknown, ruleId: string): Explanation;
  /** The ruleset this checker applies. */
  readonly ruleset: Ruleset;
  /** The rules this checker applies, for listings and tooling. */
  readonly rules: readonly RuleSummary[];
}

/** A rule as listed by `Checker.rules`. */
export interface RuleSummary {
  readonly id: string;
  readonly family: Family;
  readonly title: string;
  readonly severity: Severity;
  readonly severityByCode: Readonly<Partial<Record<CodeId, Severity>>>;
  readonly subject: string;
  readonly codes: readonly CodeId[];
  readonly jurisdiction?: string;
  readonly citations: readonly Citation[];
}

let builtin: CompiledPack | undefined;

/** The built-in pack, validated once per process (it is bundled, never read from disk). */
export function builtinPack(): CompiledPack {
  builtin ??= loadRulePack(BUILTIN_PACK_SOURCE);
  return builtin;
}

const MAX_PLANS = 64;

const OptionsSchema = z.strictObject({
  packs: z.array(z.unknown()).optional(),
  overlays: z.array(z.unknown()).optional(),
  disable: z.array(z.string()).optional(),
  severity: z.record(z.string(), z.enum(SEVERITIES)).optional(),
  now: z.custom<() => Date>((v) => typeof v === 'function', 'must be a function returning a Date').optional(),
});

/** Creates a checker. Throws `RulePackError` if a rule pack or an option is malformed. */
export function createChecker(options: CheckerOptions = {}): Checker {
  const checked = OptionsSchema.safeParse(options);
  if (!checked.success) {
    throw new RulePackError(
      checked.error.issues.map((i) => ({ file: '(options)', path: dotPath(i.path), message: i.code === 'unrecognized_keys' ? `unknown options: ${i.keys.join(', ')}` : i.message })),
    );
  }
  const composed = composePacks(builtinPack(), options);
  if ('issues' in composed) throw new RulePackError(composed.issues);
  const pack = composed.pack;
  const ruleset = rulesetOf(pack);
  const rules: readonly RuleSummary[] = Object.freeze(
    pack.rules.map((r) =>
      Object.freeze({
        id: r.id,
        family: r.family,
        title: r.title,
        severity: r.severity,
        severityByCode: r.severityByCode,
        subject: r.subject,
        codes: r.codes,
        ...(r.jurisdiction ? { jurisdiction: r.jurisdiction } : {}),
        citations: [...[...r.citationsByCode.values()].flat(), ...r.guidance],
      }),
    ),
  );
  const now = options.now ?? (() => new Date());
  const plans = new Map<string, Plan>();

  const planFor = (codes: readonly CodeId[], jurisdiction: string | undefined): Plan => {
    const key = `${codes.join(',')}|${jurisdiction ?? ''}`;
    let plan = plans.get(key);
    if (!plan) {
      if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value as string);
      plan = buildPlan(pack, codes, jurisdiction);
      plans.set(key, plan);
    }
    return plan;
  };

  const prepare = (input: unknown): { ctx: ScenarioContext; plan: Plan } => {
    const scenario = parseScenario(input);
    const ctx = scenarioContext(scenario, scenario.asOf ?? todayUtc(now()));
    return { ctx, plan: planFor(ctx.codes, scenario.jurisdiction) };
  };

  return Object.freeze({
    ruleset,
    async check(input: unknown): Promise<Report> {
      const { ctx, plan } = prepare(input);
      return assembleReport(ruleset, pack, plan, ctx, await evaluateWithEngine(plan, ctx));
    },
    checkSync(input: unknown): Report {
      const { ctx, plan } = prepare(input);
      return assembleReport(ruleset, pack, plan, ctx, evaluateSync(plan, ctx));
    },
    explain(input: unknown, ruleId: string): Explanation {
      const { ctx, plan } = prepare(input);
      const report = assembleReport(ruleset, pack, plan, ctx, evaluateSync(plan, ctx));
      const explanation = explainRule(pack, plan, ctx, ruleId, report.findings);
      if (!explanation) throw new RuleNotFoundError(ruleId, pack.rules.map((r) => r.id));
      return explanation;
    },
    rules,
  });
}

/**
 * Validates a user rule pack as it would be composed with the built-in rules (the codes registry,
 * ids and `overrides` included) and returns its issues, each naming the file, the rule and the
 * path; empty when the pack is sound. Never throws: for editors and CI.
 */
export function validateRulePack(pack: unknown, options: { readonly overlay?: boolean } = {}): RulePackIssue[] {
  const result = composePacks(builtinPack(), options.overlay ? { overlays: [pack] } : { packs: [pack] });
  return 'issues' in result ? result.issues : [];
}

let defaultChecker: Checker | undefined;

/** Explains one rule on a scenario with the built-in rules (see `Checker.explain`). */
export function explain(scenario: unknown, ruleId: string, options?: CheckOptions): Explanation {
  if (options !== undefined) return createChecker(options).explain(scenario, ruleId);
  defaultChecker ??= createChecker();
  return defaultChecker.explain(scenario, ruleId);
}

/** Checks a scenario against the built-in rules. Throws `ScenarioError` on bad input. */
export async function check(scenario: unknown, options?: CheckOptions): Promise<Report> {
  if (options !== undefined) return createChecker(options).check(scenario);
  defaultChecker ??= createChecker();
  return defaultChecker.check(scenario);
}
