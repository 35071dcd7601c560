import { todayUtc } from './dates.js';
import { buildPlan, evaluateSync, evaluateWithEngine, type Plan } from './evaluate.js';
import { scenarioContext, type ScenarioContext } from './facts.js';
import { BUILTIN_PACK_SOURCE } from './generated/builtin-pack.js';
import { assembleReport } from './report.js';
import { loadRulePack, type CompiledPack } from './rule-pack.js';
import { parseScenario, type CodeId } from './scenario.js';
import type { Report, Ruleset } from './types.js';

export interface CheckerOptions {
  /**
   * The clock, read only for a scenario without `asOf` (today's date in UTC is then used, and the
   * report says so in its `asOf`). Default: the system clock.
   */
  readonly now?: () => Date;
}

export type CheckOptions = CheckerOptions;

export interface Checker {
  /** Checks a scenario with json-rules-engine. Throws `ScenarioError` on bad input. */
  check(scenario: unknown): Promise<Report>;
  /**
   * The same check, synchronously, with a compiled evaluator of the same rule JSON; tests hold it
   * to the same reports as `check`.
   */
  checkSync(scenario: unknown): Report;
  /** The ruleset this checker applies. */
  readonly ruleset: Ruleset;
}

let builtin: CompiledPack | undefined;

/** The built-in pack, validated once per process (it is bundled, never read from disk). */
export function builtinPack(): CompiledPack {
  builtin ??= loadRulePack(BUILTIN_PACK_SOURCE);
  return builtin;
}

const MAX_PLANS = 64;

/** Creates a checker. Throws `RulePackError` if a rule pack is malformed. */
export function createChecker(options: CheckerOptions = {}): Checker {
  const pack = builtinPack();
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
    ruleset: Object.freeze({ name: pack.name, version: pack.version, hash: pack.hash }),
    async check(input: unknown): Promise<Report> {
      const { ctx, plan } = prepare(input);
      return assembleReport(pack, plan, ctx, await evaluateWithEngine(plan, ctx));
    },
    checkSync(input: unknown): Report {
      const { ctx, plan } = prepare(input);
      return assembleReport(pack, plan, ctx, evaluateSync(plan, ctx));
    },
  });
}

let defaultChecker: Checker | undefined;

/** Checks a scenario against the built-in rules. Throws `ScenarioError` on bad input. */
export async function check(scenario: unknown, options?: CheckOptions): Promise<Report> {
  if (options !== undefined) return createChecker(options).check(scenario);
  defaultChecker ??= createChecker();
  return defaultChecker.check(scenario);
}
