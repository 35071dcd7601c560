import { describe, expect, it } from 'vitest';
import { createChecker, type Report } from '../src/index.js';
import { citationKey } from '../src/testing.js';
import { cleanScenario, formerClientRomance } from './helpers/scenario-builder.js';

/**
 * Where the codes disagree: the same facts under two codes give two outcomes, and a professional
 * bound by both gets the strictest, citing the code that sets it.
 */
const checker = createChecker();

interface Row {
  topic: string;
  scenario: (codes: string[]) => Record<string, unknown>;
  /** The codes compared, the outcome under each (the finding's rule, severity and first citation, or null), and the strictest. */
  a: [code: string, outcome: [rule: string, severity: string, cite: string] | null];
  b: [code: string, outcome: [rule: string, severity: string, cite: string] | null];
}

const withCodes = (s: Record<string, unknown>, codes: string[]): Record<string, unknown> => ({ ...s, professional: { ...(s['professional'] as object), codes } });
const D = 'dual-relationship/';
const T = 'referral-trigger/';

const rows: Row[] = [
  {
    topic: 'sex with a former client: APA bars it for 2 years, ACA for 5',
    scenario: (codes) => withCodes(formerClientRomance('psychologist', '2022-05-01'), codes),
    a: ['apa', [`${D}romance-former-client-after-window`, 'high', 'apa 10.08(b)']],
    b: ['aca', [`${D}romance-former-client-within-window`, 'critical', 'aca A.5.c']],
  },
  {
    topic: 'the clock starts at the later of the end of care and the last professional contact',
    scenario: (codes) => {
      const s = withCodes(formerClientRomance('psychologist', '2023-01-01'), codes);
      return { ...s, care: { ...(s['care'] as object), endedOn: '2017-01-01', lastContactOn: '2020-06-01', startedOn: '2016-01-01' } };
    },
    a: ['apa', [`${D}romance-former-client-after-window`, 'high', 'apa 10.08(b)']],
    b: ['aca', [`${D}romance-former-client-within-window`, 'critical', 'aca A.5.c']],
  },
  {
    topic: 'who the bar after care covers: APA the former client; ACA also partners and family',
    scenario: (codes) => withCodes(formerClientRomance('psychologist', '2022-05-01', 'client-partner'), codes),
    a: ['apa', null],
    b: ['aca', [`${D}romance-former-client-within-window`, 'critical', 'aca A.5.c']],
  },
  {
    topic: 'gifts: BACB caps them at US$10; ACA weighs them',
    scenario: (codes) => withCodes(cleanScenario('counselor', { gifts: [{ direction: 'from-client', kind: 'object', valueUsd: 50 }] }), codes),
    a: ['bacb', [`${D}gift-over-code-cap`, 'critical', 'bacb 1.12']],
    b: ['aca', [`${D}gift-weigh-factors`, 'low', 'aca A.10.f']],
  },
  {
    topic: 'barter: APA sets two conditions, ACA four and a written contract',
    scenario: (codes) =>
      withCodes(
        cleanScenario('counselor', {
          barter: [{ requestedBy: 'client', personalService: false, fairValue: true, communityNorm: true, writtenContract: false, clinicallyContraindicated: false }],
        }),
        codes,
      ),
    a: ['apa', [`${D}barter-conditions-met`, 'moderate', 'apa 6.05']],
    b: ['aca', [`${D}barter-conditions-unmet`, 'high', 'aca A.10.e']],
  },
  {
    topic: 'a personal online connection with a current client: ACA prohibits it, NASW says avoid it',
    scenario: (codes) => withCodes(cleanScenario('counselor', { relationships: [{ kind: 'online', with: 'client', timing: 'during' }] }), codes),
    a: ['nasw', [`${D}online-connection-current-client`, 'high', 'nasw 1.06(h)']],
    b: ['aca', [`${D}online-connection-current-client`, 'critical', 'aca A.5.e']],
  },
  {
    topic: 'referral solely on the professional’s values: ACA bars it; APA does not speak to it',
    scenario: (codes) => withCodes(cleanScenario('counselor', { referrals: [{ reason: 'professional-values', feePaid: false, consentToShare: true }] }), codes),
    a: ['apa', null],
    b: ['aca', [`${T}referral-on-values-alone`, 'critical', 'aca A.11.b']],
  },
  {
    topic: 'the treating professional as custody evaluator: AAMFT prohibits it; APA asks for clarity of roles',
    scenario: (codes) => withCodes(cleanScenario('psychologist', { relationships: [{ kind: 'forensic', with: 'client', timing: 'during', status: 'proposed' }] }), codes),
    a: ['apa', [`${D}treater-as-forensic-evaluator`, 'high', 'apa 3.05(c)']],
    b: ['aamft', [`${D}treater-as-forensic-evaluator`, 'critical', 'aamft 3.14']],
  },
  {
    topic: 'termination for nonpayment: NASW sets conditions; ACA allows it',
    scenario: (codes) => {
      const s = withCodes(cleanScenario('counselor'), codes);
      return { ...s, care: { ...(s['care'] as object), termination: { planned: true, reason: 'nonpayment', preTerminationCounseling: true, referralsGiven: true } } };
    },
    a: ['aca', [`${T}nonpayment-termination`, 'low', 'aca A.11.c']],
    b: ['nasw', [`${T}nonpayment-termination`, 'moderate', 'nasw 1.17(c)']],
  },
];

const RANK = ['critical', 'high', 'moderate', 'low'];

function outcome(report: Report, rule: string | undefined): [string, string, string] | null {
  const f = report.findings.find((x) => x.ruleId === rule);
  return f ? [f.ruleId, f.severity, citationKey(f.citations[0] as (typeof f.citations)[number])] : null;
}

describe('where the codes disagree', () => {
  it.each(rows.map((r) => [r.topic, r] as const))('%s', async (_topic, row) => {
    const [codeA, wantA] = row.a;
    const [codeB, wantB] = row.b;
    const rules = [wantA?.[0], wantB?.[0]].filter((x): x is string => x !== undefined);
    const underA = await checker.check(row.scenario([codeA]));
    const underB = await checker.check(row.scenario([codeB]));
    expect(rules.map((r) => outcome(underA, r)).find((o) => o !== null) ?? null).toEqual(wantA);
    expect(rules.map((r) => outcome(underB, r)).find((o) => o !== null) ?? null).toEqual(wantB);
    expect(wantA).not.toEqual(wantB);

    // Bound by both: the strictest outcome, citing the code that sets it, first.
    const both = await checker.check(row.scenario([codeA, codeB]));
    const strictest = [wantA, wantB]
      .filter((w): w is [string, string, string] => w !== null)
      .sort((x, y) => RANK.indexOf(x[1]) - RANK.indexOf(y[1]))[0] as [string, string, string];
    expect(both.highestSeverity).toBe(strictest[1]);
    expect(outcome(both, strictest[0])).toEqual(strictest);
  });
});
