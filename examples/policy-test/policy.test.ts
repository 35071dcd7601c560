// An organisation's policy, unit-tested like code: the policy pack in policy.json, composed with
// the built-in rules, checked against scenarios built one fact at a time.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from 'therapeutic-boundaries';
import { expectFinding, expectNoFinding, scenario } from 'therapeutic-boundaries/testing';

const policy: unknown = JSON.parse(readFileSync(new URL('./policy.json', import.meta.url), 'utf8'));
const checker = createChecker({ packs: [policy] });

describe('Acme counseling policy', () => {
  it('asks for sign-off on a US$30 gift', () => {
    const report = checker.checkSync(scenario('counselor').gift({ direction: 'from-client', kind: 'object', valueUsd: 30 }).build());
    const finding = expectFinding(report, 'dual-relationship/gift-weigh-factors', { severity: 'moderate', citations: ['aca A.10.f'] });
    expect(finding.title).toMatch(/^Acme policy/);
  });

  it('lets a US$15 gift through without a finding', () => {
    const report = checker.checkSync(scenario('counselor').gift({ direction: 'from-client', kind: 'food', valueUsd: 15 }).build());
    expectNoFinding(report, 'dual-relationship/gift-weigh-factors');
  });

  it('routes moderate suicide risk to a supervisor, citing the standard as guidance', () => {
    const report = checker.checkSync(scenario('social-worker').risk({ suicide: 'moderate' }).build());
    expectFinding(report, 'referral-trigger/acme-supervisor-review-moderate-suicide-risk', {
      severity: 'moderate',
      citations: ['tjc NPSG.15.01.01 (guidance)'],
    });
  });

  it('keeps the built-in rules', () => {
    const report = checker.checkSync(
      scenario('counselor').relationship({ kind: 'romantic', with: 'client', timing: 'during', promisedDuringCare: false }).build(),
    );
    expectFinding(report, 'dual-relationship/romance-current-client', { severity: 'critical', citations: ['aca A.5.a'] });
  });

  it('names the policy, with its version, in every report', () => {
    const report = checker.checkSync(scenario('counselor').build());
    expect(report.ruleset.packs).toEqual([
      { name: 'therapeutic-boundaries/core', version: expect.any(String) },
      { name: 'acme-counseling/policy', version: '2.1.0' },
    ]);
  });
});
