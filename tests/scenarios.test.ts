import { describe, expect, it } from 'vitest';
import { createChecker } from '../src/index.js';
import { builtinPack } from '../src/checker.js';
import { applies } from '../src/evaluate.js';
import { goldenProblems } from '../src/testing.js';
import { loadFixtures } from './helpers/fixtures.js';

const checker = createChecker();
const fixtures = loadFixtures();

describe('scenario fixtures', () => {
  it.each(fixtures.map((f) => [f.file, f] as const))('%s', async (_file, fixture) => {
    const report = await checker.check(fixture.scenario);
    expect(goldenProblems(fixture.source, report)).toEqual([]);
    // The synchronous evaluator gives the very same report.
    expect(JSON.stringify(checker.checkSync(fixture.scenario))).toBe(JSON.stringify(report));
  });
});

describe('rule coverage', () => {
  const pack = builtinPack();

  it('has a fixture where each rule fires and one where it stays quiet', async () => {
    const fires = new Set<string>();
    const quiet = new Set<string>();
    for (const fixture of fixtures) {
      const report = await checker.check(fixture.scenario);
      for (const want of fixture.expect.findings) {
        if (report.findings.some((f) => f.ruleId === want.ruleId)) fires.add(want.ruleId);
      }
      for (const id of fixture.expect.absent) {
        const rule = pack.rules.find((r) => r.id === id);
        // Quiet counts only where the rule applied to the codes in force and was decided.
        const decided = !report.findings.some((f) => f.ruleId === id) && !report.undetermined.some((u) => u.ruleId === id);
        if (rule && applies(rule, report.codes, fixture.scenario['jurisdiction'] as string | undefined) && decided) quiet.add(id);
      }
    }
    const ids = pack.rules.map((r) => r.id);
    expect(ids.filter((id) => !fires.has(id)), 'rules with no fixture where they fire').toEqual([]);
    expect(ids.filter((id) => !quiet.has(id)), 'rules with no fixture where they stay quiet').toEqual([]);
  });

  it('names only rules that exist in fixtures', () => {
    const ids = new Set(pack.rules.map((r) => r.id));
    const named = fixtures.flatMap((f) => [
      ...f.expect.findings.map((x) => x.ruleId),
      ...f.expect.absent,
      ...f.expect.undetermined.map((u) => (typeof u === 'string' ? u : u.ruleId)),
    ]);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });
});
