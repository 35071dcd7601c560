import { describe, expect, it } from 'vitest';
import { createChecker } from '../src/index.js';
import {
  expectAtLeast, expectFinding, expectGolden, expectNoFinding, expectUndetermined, GoldenAssertionError, ruleCoverage, runGoldenCase, scenario,
} from '../src/testing.js';

const checker = createChecker();
const romance = scenario('counselor').relationship({ kind: 'romantic', with: 'client', timing: 'during', promisedDuringCare: false });

describe('the testing module', () => {
  it('builds complete, valid scenarios one fact at a time', () => {
    const clean = checker.checkSync(scenario('psychologist').build());
    expect(clean.findings).toEqual([]);
    expect(clean.undetermined).toEqual([]);
    const built = scenario('nurse').id('x').asOf('2024-01-02').jurisdiction('US-CA').codes('ncsbn', 'aca').risk({ suicide: 'high' }).former('2023-05-01', '2023-06-01').build();
    expect(built).toMatchObject({ id: 'x', asOf: '2024-01-02', jurisdiction: 'US-CA', professional: { codes: ['ncsbn', 'aca'] }, client: { status: 'former', risk: { suicide: 'high', violence: 'none' } }, care: { endedOn: '2023-05-01', lastContactOn: '2023-06-01' } });
    expect(() => checker.checkSync(built)).not.toThrow();
  });

  it('asserts findings and their absence, with diffable errors', () => {
    const report = checker.checkSync(romance.build());
    expect(expectFinding(report, 'dual-relationship/romance-current-client', { severity: 'critical', citations: ['aca A.5.a'], subject: 'relationships.0' }).ruleId).toBe('dual-relationship/romance-current-client');
    expectNoFinding(report, 'dual-relationship/friendship-with-client');
    expectAtLeast(report, 'high');
    const wrong = (() => {
      try {
        expectFinding(report, 'dual-relationship/romance-current-client', { severity: 'high' });
      } catch (e) {
        return e as GoldenAssertionError;
      }
      return undefined;
    })();
    expect(wrong).toBeInstanceOf(GoldenAssertionError);
    expect(wrong).toMatchObject({ name: 'AssertionError', expected: 'high', actual: 'critical', showDiff: true });
    expect(() => expectNoFinding(report, 'dual-relationship/romance-current-client')).toThrow(/to stay quiet, but it fired/);
  });

  it('asserts undetermined rules with their missing paths', () => {
    const s = scenario('counselor').client({ status: 'former' }).relationship({ kind: 'romantic', with: 'client', timing: 'after', promisedDuringCare: false }).build();
    const report = checker.checkSync(s);
    expectUndetermined(report, 'dual-relationship/romance-former-client-within-window', ['care.endedOn']);
    expect(() => expectUndetermined(report, 'dual-relationship/romance-current-client')).toThrow(GoldenAssertionError);
  });

  it('runs golden cases: a pass, a failure with a readable diff, and an invalid scenario', () => {
    const pass = runGoldenCase(checker, { name: 'ok', scenario: romance.build(), expect: { findings: [{ ruleId: 'dual-relationship/romance-current-client', severity: 'critical' }], absent: [], undetermined: [] } });
    expect(pass).toMatchObject({ name: 'ok', passed: true, problems: [] });
    const fail = runGoldenCase(checker, { name: 'bad', scenario: romance.build(), expect: { findings: [], absent: ['dual-relationship/romance-current-client'], undetermined: [], exhaustive: true } });
    expect(fail.passed).toBe(false);
    expect(fail.diff).toContain('- expected dual-relationship/romance-current-client to stay quiet, but it fired (critical)');
    expect(fail.diff).toContain('+ critical dual-relationship/romance-current-client (relationships.0)  aca A.5.a');
    const invalid = runGoldenCase(checker, { name: 'invalid', scenario: { professional: {} }, expect: { findings: [], absent: [], undetermined: [] } });
    expect(invalid).toMatchObject({ passed: false, error: 'ScenarioError' });
    expect(() => expectGolden(checker, { name: 'bad', scenario: romance.build(), expect: { findings: [], absent: ['dual-relationship/romance-current-client'], undetermined: [] } })).toThrow(/golden case "bad" failed/);
  });

  it('measures rule coverage both ways', () => {
    const cases = [
      { name: 'fires', scenario: romance.build(), expect: { findings: [{ ruleId: 'dual-relationship/romance-current-client' }], absent: [], undetermined: [] } },
      { name: 'quiet', scenario: scenario('counselor').build(), expect: { findings: [], absent: ['dual-relationship/romance-current-client', 'dual-relationship/friendship-with-client'], undetermined: [] } },
    ];
    const results = cases.map((c) => runGoldenCase(checker, c));
    const { rules, percent } = ruleCoverage(checker, cases, results);
    expect(rules.find((r) => r.ruleId === 'dual-relationship/romance-current-client')).toEqual({ ruleId: 'dual-relationship/romance-current-client', fired: true, quiet: true });
    expect(rules.find((r) => r.ruleId === 'dual-relationship/friendship-with-client')).toMatchObject({ fired: false, quiet: true });
    expect(rules.find((r) => r.ruleId === 'dual-relationship/gift-over-code-cap')).toMatchObject({ fired: false, quiet: false });
    expect(percent).toBeCloseTo(100 / checker.rules.length);
  });
});
