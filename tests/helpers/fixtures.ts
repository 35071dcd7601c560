import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SEVERITIES, type Finding, type Report } from '../../src/index.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCENARIOS = join(ROOT, 'tests', 'scenarios');

const Expected = z.strictObject({
  ruleId: z.string(),
  severity: z.enum(SEVERITIES),
  /** Exactly the citations, as "code section", with " (guidance)" for non-binding ones. */
  citations: z.array(z.string()).optional(),
  subject: z.string().optional(),
});

/** A scenario fixture: a scenario beside the findings it must and must not produce. */
export const FixtureSchema = z.strictObject({
  description: z.string().min(1),
  scenario: z.record(z.string(), z.unknown()),
  expect: z.strictObject({
    findings: z.array(Expected),
    /** Rules that must stay quiet: decided, and not fired. */
    absent: z.array(z.string()),
    undetermined: z.array(z.strictObject({ ruleId: z.string(), missing: z.array(z.string()).optional() })).optional(),
    /** No findings or undecided rules beyond those expected. */
    exhaustive: z.boolean().optional(),
  }),
});
export type Fixture = z.infer<typeof FixtureSchema> & { file: string };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []))
    .sort();
}

export function loadFixtures(): Fixture[] {
  return walk(SCENARIOS).map((file) => ({
    ...FixtureSchema.parse(JSON.parse(readFileSync(file, 'utf8'))),
    file: relative(ROOT, file),
  }));
}

export function citationKey(c: Finding['citations'][number]): string {
  return `${c.code} ${c.section}${c.binding === false ? ' (guidance)' : ''}`;
}

/** Every way the report departs from the fixture's expectations; empty when it meets them. */
export function mismatches(fixture: Fixture, report: Report): string[] {
  const out: string[] = [];
  const e = fixture.expect;
  const matched = new Set<Finding>();
  for (const want of e.findings) {
    const got = report.findings.find((f) => f.ruleId === want.ruleId && (want.subject === undefined || f.subject === want.subject));
    if (!got) {
      out.push(`expected finding ${want.ruleId}${want.subject ? ` on ${want.subject}` : ''}, got none`);
      continue;
    }
    matched.add(got);
    if (got.severity !== want.severity) out.push(`${want.ruleId}: expected severity ${want.severity}, got ${got.severity}`);
    if (want.citations) {
      const cites = got.citations.map(citationKey);
      if (JSON.stringify(cites) !== JSON.stringify(want.citations)) {
        out.push(`${want.ruleId}: expected citations ${JSON.stringify(want.citations)}, got ${JSON.stringify(cites)}`);
      }
    }
  }
  for (const id of e.absent) {
    if (report.findings.some((f) => f.ruleId === id)) out.push(`expected ${id} to stay quiet, but it fired`);
    if (report.undetermined.some((u) => u.ruleId === id)) out.push(`expected ${id} to stay quiet, but it was undetermined`);
  }
  for (const want of e.undetermined ?? []) {
    const got = report.undetermined.find((u) => u.ruleId === want.ruleId);
    if (!got) out.push(`expected ${want.ruleId} to be undetermined`);
    else if (want.missing && JSON.stringify(got.missing) !== JSON.stringify(want.missing)) {
      out.push(`${want.ruleId}: expected missing ${JSON.stringify(want.missing)}, got ${JSON.stringify(got.missing)}`);
    }
  }
  if (e.exhaustive) {
    for (const f of report.findings) if (!matched.has(f)) out.push(`unexpected finding ${f.ruleId} (${f.severity})`);
    for (const u of report.undetermined) {
      if (!(e.undetermined ?? []).some((w) => w.ruleId === u.ruleId)) out.push(`unexpected undetermined ${u.ruleId}: ${u.missing.join(', ')}`);
    }
  }
  return out;
}
