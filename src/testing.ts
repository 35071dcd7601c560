/**
 * Testing helpers for policy authors: golden cases (a scenario beside the findings it must and must
 * not produce), a runner with rule coverage, assertions usable from any test runner, and scenario
 * builders. Import from `therapeutic-boundaries/testing`.
 */
import { z } from 'zod';
import type { Checker } from './checker.js';
import { PROFESSIONS, type CodeId, type Profession } from './scenario.js';
import { SEVERITIES, severityRank, type Citation, type Finding, type Report, type Severity } from './types.js';

const ExpectedFinding = z.strictObject({
  ruleId: z.string().min(1),
  severity: z.enum(SEVERITIES).optional(),
  /** Exactly these citations, as "code section", with " (guidance)" for non-binding ones. */
  citations: z.array(z.string()).optional(),
  /** The list item the finding is about, such as "relationships.0". */
  subject: z.string().optional(),
});

/** A golden case: a scenario beside the findings it must produce and the rules that must stay quiet. */
export const GoldenCaseSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  scenario: z.record(z.string(), z.unknown()),
  expect: z.strictObject({
    findings: z.array(ExpectedFinding).default([]),
    /** Rules that must stay quiet: decided, and not fired. */
    absent: z.array(z.string()).default([]),
    /** Rules that must be undetermined (optionally with exactly these missing paths). */
    undetermined: z.array(z.union([z.string(), z.strictObject({ ruleId: z.string(), missing: z.array(z.string()).optional() })])).default([]),
    /** No findings or undetermined rules beyond those expected. */
    exhaustive: z.boolean().optional(),
    /** The report's highest severity (null for none). */
    highestSeverity: z.enum(SEVERITIES).nullable().optional(),
  }),
});
export type GoldenCase = z.input<typeof GoldenCaseSchema>;

/** A citation as golden cases write it: `aca A.5.c`, or `tjc NPSG.15.01.01 (guidance)`. */
export function citationKey(c: Citation): string {
  return `${c.code} ${c.section}${c.binding === false ? ' (guidance)' : ''}`;
}

/** Every way a report departs from a golden case's expectations; empty when it meets them. */
export function goldenProblems(goldenCase: GoldenCase, report: Report): string[] {
  const e = GoldenCaseSchema.parse(goldenCase).expect;
  const out: string[] = [];
  const matched = new Set<Finding>();
  for (const want of e.findings) {
    const got = report.findings.find((f) => f.ruleId === want.ruleId && (want.subject === undefined || f.subject === want.subject));
    if (!got) {
      out.push(`expected a finding ${want.ruleId}${want.subject ? ` on ${want.subject}` : ''}${want.severity ? ` (${want.severity})` : ''}, but it did not fire`);
      continue;
    }
    matched.add(got);
    if (want.severity && got.severity !== want.severity) out.push(`${want.ruleId}: expected severity ${want.severity}, got ${got.severity}`);
    if (want.citations) {
      const cites = got.citations.map(citationKey);
      if (JSON.stringify(cites) !== JSON.stringify(want.citations)) {
        out.push(`${want.ruleId}: expected citations ${JSON.stringify(want.citations)}, got ${JSON.stringify(cites)}`);
      }
    }
  }
  for (const id of e.absent) {
    const fired = report.findings.find((f) => f.ruleId === id);
    if (fired) out.push(`expected ${id} to stay quiet, but it fired (${fired.severity})`);
    if (report.undetermined.some((u) => u.ruleId === id)) out.push(`expected ${id} to stay quiet, but it was undetermined`);
  }
  for (const raw of e.undetermined) {
    const want = typeof raw === 'string' ? { ruleId: raw } : raw;
    const got = report.undetermined.find((u) => u.ruleId === want.ruleId);
    if (!got) out.push(`expected ${want.ruleId} to be undetermined, but it was decided`);
    else if (want.missing && JSON.stringify(got.missing) !== JSON.stringify(want.missing)) {
      out.push(`${want.ruleId}: expected missing ${JSON.stringify(want.missing)}, got ${JSON.stringify(got.missing)}`);
    }
  }
  if (e.exhaustive) {
    for (const f of report.findings) if (!matched.has(f)) out.push(`unexpected finding ${f.ruleId}${f.subject ? ` on ${f.subject}` : ''} (${f.severity})`);
    const wanted = new Set(e.undetermined.map((u) => (typeof u === 'string' ? u : u.ruleId)));
    for (const u of report.undetermined) if (!wanted.has(u.ruleId)) out.push(`unexpected undetermined ${u.ruleId} (missing ${u.missing.join(', ')})`);
  }
  if (e.highestSeverity !== undefined && report.highestSeverity !== e.highestSeverity) {
    out.push(`expected highest severity ${String(e.highestSeverity)}, got ${String(report.highestSeverity)}`);
  }
  return out;
}

/** The report as a short list, for the "actual" side of a diff. */
export function summarize(report: Report): string[] {
  return [
    ...report.findings.map((f) => `${f.severity.padEnd(8)} ${f.ruleId}${f.subject ? ` (${f.subject})` : ''}  ${f.citations.map(citationKey).join('; ')}`),
    ...report.undetermined.map((u) => `undetermined ${u.ruleId}  missing ${u.missing.join(', ')}`),
  ];
}

export interface GoldenResult {
  readonly name: string;
  readonly file?: string;
  readonly passed: boolean;
  /** What did not match, one line each. */
  readonly problems: readonly string[];
  /** A readable diff: expected lines marked "-", what the report had marked "+". */
  readonly diff: string;
  readonly report?: Report;
  /** A scenario that could not be checked (for example, one that fails validation). */
  readonly error?: string;
}

function diffOf(problems: readonly string[], report: Report | undefined): string {
  return [...problems.map((p) => `- ${p}`), ...(report ? summarize(report).map((l) => `+ ${l}`) : [])].join('\n');
}

/** Runs one golden case. A scenario that is invalid fails the case, with the validation issues. */
export function runGoldenCase(checker: Checker, goldenCase: GoldenCase, file?: string): GoldenResult {
  const parsed = GoldenCaseSchema.safeParse(goldenCase);
  const name = parsed.success ? parsed.data.name : (file ?? '(unnamed)');
  const where = file !== undefined ? { file } : {};
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `case ${i.path.join('.') || '(root)'}: ${i.message}`);
    return { name, ...where, passed: false, problems, diff: diffOf(problems, undefined), error: 'invalid golden case' };
  }
  let report: Report;
  try {
    report = checker.checkSync(parsed.data.scenario);
  } catch (error) {
    const problems = [`the scenario could not be checked: ${(error as Error).message}`];
    return { name, ...where, passed: false, problems, diff: diffOf(problems, undefined), error: (error as Error).name };
  }
  const problems = goldenProblems(parsed.data, report);
  return { name, ...where, passed: problems.length === 0, problems, diff: diffOf(problems, report), report };
}

export interface RuleCoverage {
  readonly ruleId: string;
  /** Some passing case expects the rule to fire, and it did. */
  readonly fired: boolean;
  /** Some passing case expects the rule to stay quiet, and it did. */
  readonly quiet: boolean;
}

/** Per rule: whether some case fired it and some case kept it quiet; and the share covered both ways. */
export function ruleCoverage(checker: Checker, cases: readonly GoldenCase[], results: readonly GoldenResult[]): { rules: RuleCoverage[]; percent: number } {
  const fired = new Set<string>();
  const quiet = new Set<string>();
  cases.forEach((c, i) => {
    const result = results[i];
    const parsed = GoldenCaseSchema.safeParse(c);
    if (!result?.report || !parsed.success) return;
    const report = result.report;
    for (const f of parsed.data.expect.findings) if (report.findings.some((x) => x.ruleId === f.ruleId)) fired.add(f.ruleId);
    for (const id of parsed.data.expect.absent) {
      const decided = !report.findings.some((x) => x.ruleId === id) && !report.undetermined.some((u) => u.ruleId === id);
      if (decided) quiet.add(id);
    }
  });
  const rules = checker.rules.map((r) => ({ ruleId: r.id, fired: fired.has(r.id), quiet: quiet.has(r.id) }));
  const both = rules.filter((r) => r.fired && r.quiet).length;
  return { rules, percent: rules.length === 0 ? 100 : (100 * both) / rules.length };
}

/** An assertion that failed; carries `expected` and `actual` so test runners show a diff. */
export class GoldenAssertionError extends Error {
  override readonly name = 'AssertionError';
  readonly expected: unknown;
  readonly actual: unknown;
  readonly showDiff = true;

  constructor(message: string, expected: unknown, actual: unknown) {
    super(message);
    this.expected = expected;
    this.actual = actual;
  }
}

/** Asserts that a rule fired (optionally with a severity, exact citations or a subject); returns the finding. */
export function expectFinding(
  report: Report,
  ruleId: string,
  want: { severity?: Severity; citations?: readonly string[]; subject?: string } = {},
): Finding {
  const found = report.findings.find((f) => f.ruleId === ruleId && (want.subject === undefined || f.subject === want.subject));
  if (!found) {
    throw new GoldenAssertionError(`expected a finding ${ruleId}${want.subject ? ` on ${want.subject}` : ''}, but it did not fire`, [ruleId], summarize(report));
  }
  if (want.severity && found.severity !== want.severity) {
    throw new GoldenAssertionError(`${ruleId}: expected severity ${want.severity}, got ${found.severity}`, want.severity, found.severity);
  }
  if (want.citations) {
    const cites = found.citations.map(citationKey);
    if (JSON.stringify(cites) !== JSON.stringify(want.citations)) {
      throw new GoldenAssertionError(`${ruleId}: the citations differ`, [...want.citations], cites);
    }
  }
  return found;
}

/** Asserts that a rule stayed quiet: decided, and not fired. */
export function expectNoFinding(report: Report, ruleId: string): void {
  const found = report.findings.filter((f) => f.ruleId === ruleId);
  if (found.length > 0) throw new GoldenAssertionError(`expected ${ruleId} to stay quiet, but it fired`, [], found.map((f) => `${f.severity} ${f.ruleId}`));
  const undecided = report.undetermined.find((u) => u.ruleId === ruleId);
  if (undecided) throw new GoldenAssertionError(`expected ${ruleId} to stay quiet, but it was undetermined (missing ${undecided.missing.join(', ')})`, [], undecided.missing);
}

/** Asserts that a rule was left undetermined (optionally for exactly these missing paths). */
export function expectUndetermined(report: Report, ruleId: string, missing?: readonly string[]): void {
  const u = report.undetermined.find((x) => x.ruleId === ruleId);
  if (!u) throw new GoldenAssertionError(`expected ${ruleId} to be undetermined, but it was decided`, [ruleId], report.undetermined.map((x) => x.ruleId));
  if (missing && JSON.stringify(u.missing) !== JSON.stringify(missing)) throw new GoldenAssertionError(`${ruleId}: the missing paths differ`, [...missing], u.missing);
}

/** Asserts the highest severity in a report is at least `severity`. */
export function expectAtLeast(report: Report, severity: Severity): void {
  if (report.highestSeverity === null || severityRank(report.highestSeverity) > severityRank(severity)) {
    throw new GoldenAssertionError(`expected a finding of at least ${severity}`, severity, report.highestSeverity);
  }
}

/** Runs a golden case and throws a diffable assertion error if it fails. */
export function expectGolden(checker: Checker, goldenCase: GoldenCase): Report {
  const result = runGoldenCase(checker, goldenCase);
  if (!result.passed || !result.report) {
    throw new GoldenAssertionError(`golden case "${result.name}" failed:\n${result.diff}`, result.problems.length === 0 ? [] : ['(as the case expects)'], result.problems);
  }
  return result.report;
}

type Json = Record<string, unknown>;

/**
 * A scenario builder: starts from a scenario in which every deciding fact is given and nothing is
 * amiss, so a test changes one thing at a time. `build()` returns a plain object, checked like any
 * scenario.
 */
export class ScenarioBuilder {
  private readonly data: Json;

  constructor(profession: Profession) {
    if (!(PROFESSIONS as readonly string[]).includes(profession)) throw new TypeError(`unknown profession "${String(profession)}"`);
    this.data = {
      asOf: '2025-06-01',
      professional: { profession, competencies: ['anxiety', 'depression', 'adults'], impairment: 'none', attractionToClient: false, licensedIn: ['US-OR'] },
      client: {
        status: 'current',
        concerns: ['anxiety'],
        populations: ['adults'],
        location: 'US-OR',
        canPay: true,
        risk: { suicide: 'none', violence: 'none', identifiableVictim: false, psychosis: false, medicalInstability: false, threatensProfessional: false },
      },
      care: {
        startedOn: '2025-01-10',
        modality: 'individual',
        community: 'urban',
        alternativesNearby: true,
        progress: 'improving',
        sessionsWithoutProgress: 0,
        goalsAgreed: true,
        allianceStrained: false,
      },
    };
  }

  private merge(key: string, value: Json): this {
    this.data[key] = { ...(this.data[key] as Json | undefined), ...value };
    return this;
  }

  private push(key: string, value: Json): this {
    this.data[key] = [...((this.data[key] as Json[] | undefined) ?? []), value];
    return this;
  }

  id(id: string): this {
    this.data['id'] = id;
    return this;
  }
  asOf(date: string): this {
    this.data['asOf'] = date;
    return this;
  }
  jurisdiction(place: string): this {
    this.data['jurisdiction'] = place;
    return this;
  }
  codes(...codes: CodeId[]): this {
    return this.merge('professional', { codes });
  }
  professional(fields: Json): this {
    return this.merge('professional', fields);
  }
  client(fields: Json): this {
    return this.merge('client', fields);
  }
  risk(fields: Json): this {
    const client = this.data['client'] as Json;
    return this.merge('client', { risk: { ...(client['risk'] as Json), ...fields } });
  }
  care(fields: Json): this {
    return this.merge('care', fields);
  }
  /** A former client whose care ended on `endedOn`. */
  former(endedOn: string, lastContactOn?: string): this {
    this.merge('client', { status: 'former' });
    const care = this.data['care'] as Json;
    return this.merge('care', {
      endedOn,
      ...(lastContactOn ? { lastContactOn } : {}),
      ...(typeof care['startedOn'] === 'string' && care['startedOn'] > endedOn ? { startedOn: endedOn } : {}),
    });
  }
  relationship(fields: Json): this {
    return this.push('relationships', fields);
  }
  gift(fields: Json): this {
    return this.push('gifts', fields);
  }
  barter(fields: Json): this {
    return this.push('barter', fields);
  }
  advice(fields: Json): this {
    return this.push('advice', fields);
  }
  conduct(fields: Json): this {
    return this.push('conduct', fields);
  }
  referral(fields: Json): this {
    return this.push('referrals', fields);
  }
  /** Any other top-level field. */
  set(key: string, value: unknown): this {
    this.data[key] = value;
    return this;
  }
  build(): Json {
    return structuredClone(this.data);
  }
}

/** Starts a scenario for a professional of this profession. */
export function scenario(profession: Profession): ScenarioBuilder {
  return new ScenarioBuilder(profession);
}
