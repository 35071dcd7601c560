import { describe, expect, it } from 'vitest';
import { check, createChecker, type Report } from '../src/index.js';
import { loadFixtures } from './helpers/fixtures.js';

const fixtures = loadFixtures();
const checker = createChecker();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('createChecker', () => {
  it('runs 100 checks at once with the same results as one by one', async () => {
    const scenarios = Array.from({ length: 100 }, (_, i) => (fixtures[i % fixtures.length] as (typeof fixtures)[number]).scenario);
    const sequential: Report[] = [];
    for (const s of scenarios) sequential.push(await checker.check(s));
    const concurrent = await Promise.all(scenarios.map((s) => checker.check(s)));
    expect(concurrent.map((r) => JSON.stringify(r))).toEqual(sequential.map((r) => JSON.stringify(r)));
  });

  it('gives a byte-identical report for the same scenario, on the same or a new checker', async () => {
    for (const f of fixtures) {
      const a = JSON.stringify(await checker.check(f.scenario));
      const b = JSON.stringify(await checker.check(structuredClone(f.scenario)));
      const c = JSON.stringify(await createChecker().check(f.scenario));
      expect(b).toBe(a);
      expect(c).toBe(a);
    }
  });

  it('checks a deep-frozen scenario and leaves it untouched', async () => {
    for (const f of fixtures) {
      const before = JSON.stringify(f.scenario);
      const frozen = deepFreeze(structuredClone(f.scenario));
      await expect(checker.check(frozen)).resolves.toBeDefined();
      expect(() => checker.checkSync(frozen)).not.toThrow();
      expect(JSON.stringify(frozen)).toBe(before);
    }
  });

  it('returns frozen reports', async () => {
    const report = await checker.check((fixtures[0] as (typeof fixtures)[number]).scenario);
    expect(Object.isFrozen(report)).toBe(true);
    expect(Object.isFrozen(report.findings)).toBe(true);
    expect(Object.isFrozen(report.findings[0])).toBe(true);
  });

  it('uses today (UTC) only when the scenario has no asOf, and reports the date used', async () => {
    const clock = createChecker({ now: () => new Date('2030-01-02T23:30:00-05:00') });
    const scenario = { professional: { profession: 'psychologist' }, client: { status: 'current' } };
    expect((await clock.check(scenario)).asOf).toBe('2030-01-03');
    expect((await clock.check({ ...scenario, asOf: '2024-05-06' })).asOf).toBe('2024-05-06');
    expect((await check(scenario, { now: () => new Date('2031-07-08T00:00:00Z') })).asOf).toBe('2031-07-08');
  });

  it('judges a relationship without a start date as starting on the date judged at', async () => {
    const scenario = {
      professional: { profession: 'psychologist' },
      client: { status: 'former' },
      care: { endedOn: '2020-01-01' },
      relationships: [{ kind: 'romantic', with: 'client', timing: 'after', promisedDuringCare: false }],
    };
    const early = await checker.check({ ...scenario, asOf: '2021-06-01' });
    const late = await checker.check({ ...scenario, asOf: '2023-06-01' });
    expect(early.findings.map((f) => f.ruleId)).toEqual(['dual-relationship/romance-former-client-within-window']);
    expect(late.findings.map((f) => f.ruleId)).toEqual(['dual-relationship/romance-former-client-after-window']);
    expect(early.findings[0]?.evidence).toContainEqual({ path: 'asOf', value: '2021-06-01' });
    expect(early.findings[0]?.evidence).toContainEqual({ path: 'care.endedOn', value: '2020-01-01' });
  });

  it('names the ruleset with its version and a content hash', async () => {
    const report = await checker.check((fixtures[0] as (typeof fixtures)[number]).scenario);
    expect(report.ruleset).toEqual(checker.ruleset);
    expect(report.ruleset.name).toBe('therapeutic-boundaries/core');
    expect(report.ruleset.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.ruleset.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('applies the profession’s default codes, or professional.codes in their place', async () => {
    const base = { asOf: '2025-01-01', client: { status: 'current' } };
    expect((await checker.check({ ...base, professional: { profession: 'psychiatrist' } })).codes).toEqual(['ama', 'apa-psychiatry']);
    expect((await checker.check({ ...base, professional: { profession: 'nurse' } })).codes).toEqual(['ncsbn']);
    expect((await checker.check({ ...base, professional: { profession: 'nurse', codes: ['aca', 'nasw', 'aca'] } })).codes).toEqual(['aca', 'nasw']);
  });

  it('counts the rules that apply to the codes in force', async () => {
    const base = { asOf: '2025-01-01', client: { status: 'current' } };
    const one = await checker.check({ ...base, professional: { profession: 'behavior-analyst' } });
    const two = await checker.check({ ...base, professional: { profession: 'behavior-analyst', codes: ['bacb', 'aca'] } });
    expect(one.rulesEvaluated).toBeGreaterThan(0);
    expect(two.rulesEvaluated).toBeGreaterThan(one.rulesEvaluated);
  });

  it('sorts findings by severity, then rule id, then subject', async () => {
    for (const f of fixtures) {
      const { findings } = await checker.check(f.scenario);
      const order = ['critical', 'high', 'moderate', 'low'];
      const keys = findings.map((x) => [order.indexOf(x.severity), x.ruleId, x.subject ?? ''] as const);
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
      expect(keys).toEqual(sorted);
    }
  });

  it('gives every finding a title of at most 140 characters, a citation, evidence and recommendations', async () => {
    for (const f of fixtures) {
      const report = await checker.check(f.scenario);
      expect(report.highestSeverity).toBe(report.findings[0]?.severity ?? null);
      for (const finding of report.findings) {
        expect(finding.title.length).toBeLessThanOrEqual(140);
        expect(finding.citations.length).toBeGreaterThan(0);
        expect(finding.evidence.length).toBeGreaterThan(0);
        expect(finding.recommendations.length).toBeGreaterThan(0);
        expect(finding.rationale).not.toMatch(/\{\{|\}\}|undefined|\(not stated\)/);
        if (finding.referral) expect(finding.family).toBe('referral-trigger');
      }
    }
  });

  it('reports one finding per list item that breaks a rule', async () => {
    const report = await checker.check({
      asOf: '2025-01-01',
      professional: { profession: 'behavior-analyst' },
      client: { status: 'current' },
      gifts: [
        { direction: 'from-client', kind: 'object', valueUsd: 40 },
        { direction: 'from-client', kind: 'object', valueUsd: 4 },
        { direction: 'to-client', kind: 'object', valueUsd: 25 },
      ],
    });
    const overCap = report.findings.filter((f) => f.ruleId === 'dual-relationship/gift-over-code-cap');
    expect(overCap.map((f) => f.subject)).toEqual(['gifts.0', 'gifts.2']);
    expect(overCap[0]?.rationale).toContain('US$40');
    expect(overCap[0]?.evidence).toEqual([{ path: 'gifts.0.valueUsd', value: 40 }]);
  });
});
