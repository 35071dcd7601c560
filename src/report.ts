import { CODE_FACTS } from './codes.js';
import { isFactRef, supportingLeaves, undecidedLeaves, type LeafResult } from './conditions.js';
import { concretePath, FACTS, valueAtPath, type ItemContext, type ScenarioContext } from './facts.js';
import { unboundName, type Plan, type VariantOutcome } from './evaluate.js';
import type { CompiledPack, CompiledRule } from './rule-pack.js';
import type { CodeId } from './scenario.js';
import { renderTemplate } from './template.js';
import { severityRank, type Citation, type Evidence, type Finding, type Report, type Ruleset, type Severity, type Undetermined } from './types.js';

/** The sections cited under one code (or authority), as the rationale's `{{#codes}}` block sees them. */
interface CitationGroup {
  readonly code: string;
  readonly citations: readonly Citation[];
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function formatValue(name: string, value: unknown): string {
  if (value === undefined) return '(not stated)';
  const format = FACTS.get(name)?.format ?? CODE_FACTS.get(name)?.format;
  if (format) return format(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(humanize).join(', ');
  return humanize(value);
}

/** Enumerated values read as words in a rationale: `relationship-decision` → `relationship decision`. */
function humanize(value: unknown): string {
  const text = String(value);
  // Only the contract's lower-case, hyphenated words: dates and place codes (US-NY) stay as they are.
  return /^[a-z]+(-[a-z]+)+$/.test(text) ? text.replace(/-/g, ' ') : text;
}

/** The scenario paths and values behind the leaves that made a rule fire. */
function evidenceOf(leaves: readonly LeafResult[], ctx: ScenarioContext, item: ItemContext | undefined): Evidence[] {
  const out = new Map<string, unknown>();
  const add = (factName: string, value: unknown) => {
    const def = FACTS.get(factName);
    if (!def) return; // code thresholds are not scenario facts
    if (def.evidence) {
      for (const e of def.evidence(ctx, item)) if (!out.has(e.path)) out.set(e.path, e.value);
      return;
    }
    if (item?.derivedFrom && def.subject === item.subject) {
      for (const d of item.derivedFrom) if (!out.has(d.path)) out.set(d.path, d.value);
      if (def.sources.length === 1) return;
    }
    for (const source of def.sources) {
      const path = concretePath(source, item);
      if (out.has(path)) continue;
      const given = valueAtPath(ctx.scenario, path);
      if (given !== undefined) out.set(path, given);
      else if (def.sources.length === 1) out.set(path, value); // a default the contract defines
    }
  };
  for (const leaf of leaves) {
    add(leaf.fact, leaf.factValue);
    if (isFactRef(leaf.value)) add(leaf.value.fact, leaf.valueValue);
  }
  return [...out].map(([path, value]) => ({ path, value }));
}

function missingOf(leaves: readonly LeafResult[], ctx: ScenarioContext, item: ItemContext | undefined, code: CodeId | undefined): string[] {
  const out: string[] = [];
  for (const leaf of leaves) {
    const sides: [string, unknown][] = [[leaf.fact, leaf.factValue]];
    if (isFactRef(leaf.value)) sides.push([leaf.value.fact, leaf.valueValue]);
    for (const [name, value] of sides) {
      if (value !== undefined) continue;
      const base = unboundName(name);
      const def = FACTS.get(base);
      if (def) {
        // Name the sources that are actually absent (a derived fact may lack only one of them).
        const paths = (def.missing ?? def.sources).map((s) => concretePath(s, item));
        const absent = paths.filter((p) => valueAtPath(ctx.scenario, p) === undefined);
        out.push(...(absent.length > 0 ? absent : paths));
      }
      else if (CODE_FACTS.has(base)) out.push(`(codes registry) ${code ?? '?'}.thresholds: ${base.slice('code.'.length)}`);
    }
  }
  return out;
}

function buildFinding(
  rule: CompiledRule,
  pack: CompiledPack,
  ctx: ScenarioContext,
  item: ItemContext | undefined,
  firing: readonly { code: string; leaves: readonly LeafResult[] }[],
): Finding {
  const severityOf = (code: string): Severity => rule.severityByCode[code as CodeId] ?? rule.severity;
  const ordered = [...firing].sort(
    (a, b) => severityRank(severityOf(a.code)) - severityRank(severityOf(b.code)) || ctx.codes.indexOf(a.code as CodeId) - ctx.codes.indexOf(b.code as CodeId),
  );
  const severity = severityOf((ordered[0] as (typeof ordered)[number]).code);
  const groups: CitationGroup[] = [];
  for (const f of ordered) {
    const own = rule.citationsByCode.get(f.code);
    if (own) groups.push({ code: f.code, citations: own });
  }
  // A firing code with no section of its own here: cite the guidance, not binding, unless a binding
  // citation already names the same section.
  if (ordered.some((f) => !rule.citationsByCode.has(f.code))) {
    const cited = new Set(groups.flatMap((g) => g.citations.map((c) => `${c.code} ${c.section}`)));
    const guidance = new Map<string, Citation[]>();
    for (const g of rule.guidance) {
      if (!cited.has(`${g.code} ${g.section}`)) guidance.set(g.code, [...(guidance.get(g.code) ?? []), g]);
    }
    for (const [code, citations] of guidance) groups.push({ code, citations });
  }
  const citations = groups.flatMap((g) => g.citations);
  const leaves = ordered.flatMap((f) => f.leaves);
  const facts = new Map<string, unknown>();
  const lookup = (name: string): string => {
    if (name === 'citations') return groups.map((g) => `${pack.codes.get(g.code)?.short ?? g.code} ${g.citations.map((c) => c.section).join(', ')}`).join('; ');
    if (!facts.has(name)) facts.set(name, FACTS.get(name)?.get(ctx, item));
    return formatValue(name, facts.get(name));
  };
  const codeLookups = groups.map((g) => {
    const registry = pack.codes.get(g.code);
    return (name: string): string => {
      switch (name) {
        case 'code.short':
          return registry?.short ?? g.code;
        case 'code.name':
          return registry?.name ?? g.code;
        case 'code.edition':
          return registry?.edition ?? '';
        case 'code.sections':
          return g.citations.map((c) => c.section).join(', ');
        default: {
          const def = CODE_FACTS.get(name);
          return def && registry ? formatValue(name, def.get(registry)) : '(not stated)';
        }
      }
    };
  });
  const subject = item?.path;
  return {
    ruleId: rule.id,
    family: rule.family,
    severity,
    title: rule.title,
    rationale: renderTemplate(rule.rationale, lookup, codeLookups),
    citations,
    recommendations: [...rule.recommendations],
    evidence: evidenceOf(leaves, ctx, item),
    ...(rule.referral ? { referral: { urgency: rule.referral.urgency } } : {}),
    ...(subject !== undefined ? { subject } : {}),
  };
}

/** Turns the variants' outcomes into the contract's report. */
export function assembleReport(ruleset: Ruleset, pack: CompiledPack, plan: Plan, ctx: ScenarioContext, outcomes: readonly VariantOutcome[]): Report {
  // Group the outcomes by rule and subject item.
  const groups = new Map<string, { rule: CompiledRule; item: ItemContext | undefined; outcomes: VariantOutcome[] }>();
  for (const o of outcomes) {
    if (o.result.result === false) continue; // quiet: nothing to report
    const key = `${o.variant.rule.id}#${o.item?.index ?? ''}`;
    const g = groups.get(key) ?? { rule: o.variant.rule, item: o.item, outcomes: [] };
    g.outcomes.push(o);
    groups.set(key, g);
  }
  const findings: Finding[] = [];
  const undecided = new Map<string, string[]>();
  for (const { rule, item, outcomes: os } of groups.values()) {
    const applied = (code: CodeId) => rule.codes.includes(code);
    const firing: { code: string; leaves: LeafResult[] }[] = [];
    const missing: string[] = [];
    for (const o of os) {
      if (o.result.result === true) {
        const leaves = supportingLeaves(o.result, true);
        const codes: string[] = o.variant.code
          ? [o.variant.code]
          : rule.jurisdiction !== undefined
            ? [...rule.citationsByCode.keys()] // an overlay fires under the place's law
            : ctx.codes.filter(applied);
        for (const code of codes) firing.push({ code, leaves });
      } else if (o.result.result === undefined) {
        missing.push(...missingOf(undecidedLeaves(o.result), ctx, item, o.variant.code));
      }
    }
    if (firing.length > 0) findings.push(buildFinding(rule, pack, ctx, item, firing));
    else if (missing.length > 0) undecided.set(rule.id, [...(undecided.get(rule.id) ?? []), ...missing]);
  }
  findings.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      subjectOrder(a, b),
  );
  const undetermined: Undetermined[] = [...undecided]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ruleId, paths]) => ({ ruleId, missing: [...new Set(paths)] }));
  const report: Report = {
    ...(ctx.scenario.id !== undefined ? { scenarioId: ctx.scenario.id } : {}),
    asOf: ctx.asOf,
    codes: [...ctx.codes],
    ruleset,
    findings,
    undetermined,
    highestSeverity: findings[0]?.severity ?? null,
    rulesEvaluated: plan.rules.length,
  };
  return deepFreeze(report);
}

/** Orders subjects by list, then numerically by index (`relationships.2` before `relationships.10`). */
function subjectOrder(a: Finding, b: Finding): number {
  const [la = '', ia = '-1'] = (a.subject ?? '').split('.');
  const [lb = '', ib = '-1'] = (b.subject ?? '').split('.');
  return la < lb ? -1 : la > lb ? 1 : Number(ia) - Number(ib);
}
