import { describe, expect, it } from 'vitest';
import { createChecker, type Report } from '../src/index.js';
import { citationKey } from '../src/testing.js';
import { cleanScenario, formerClientRomance } from './helpers/scenario-builder.js';

/**
 * For each of the nine professions, one battery of situations, and the outcome that profession's
 * own code prescribes: `rule: [severity, ...citations]` for a finding, `rule: null` for none.
 */
const checker = createChecker();
const PROFESSIONS = [
  'psychologist', 'counselor', 'social-worker', 'marriage-family-therapist', 'behavior-analyst',
  'nurse', 'physician', 'psychiatrist', 'addiction-counselor',
] as const;
type Profession = (typeof PROFESSIONS)[number];
type Outcome = Record<string, [string, ...string[]] | null>;

const WITHIN = 'dual-relationship/romance-former-client-within-window';
const AFTER = 'dual-relationship/romance-former-client-after-window';
const END_FIRST = 'dual-relationship/romance-former-patient-end-care-first';

const within = (cite: string): Outcome => ({ [WITHIN]: ['critical', cite], [AFTER]: null });
const after = (cite: string): Outcome => ({ [WITHIN]: null, [AFTER]: ['high', cite] });
const noFormerRule: Outcome = { [WITHIN]: null, [AFTER]: null, [END_FIRST]: null };
const physician: Outcome = { [WITHIN]: null, [AFTER]: null, [END_FIRST]: ['high', 'ama 9.1.1'] };
const psychiatrist: Outcome = { [WITHIN]: ['critical', 'apa-psychiatry Section 2'], [AFTER]: null, [END_FIRST]: ['high', 'ama 9.1.1'] };

const battery: Record<string, { scenario: (p: Profession) => Record<string, unknown>; expect: Record<Profession, Outcome> }> = {
  'former client, 1 year after care': {
    scenario: (p) => formerClientRomance(p, '2020-03-01'),
    expect: {
      psychologist: within('apa 10.08(a)'), counselor: within('aca A.5.c'), 'social-worker': within('nasw 1.09(c)'),
      'marriage-family-therapist': within('aamft 1.5'), 'behavior-analyst': within('bacb 1.14'), nurse: noFormerRule,
      physician, psychiatrist, 'addiction-counselor': within('naadac Principle I'),
    },
  },
  'former client, 3 years after care': {
    scenario: (p) => formerClientRomance(p, '2022-03-01'),
    expect: {
      psychologist: after('apa 10.08(b)'), counselor: within('aca A.5.c'), 'social-worker': within('nasw 1.09(c)'),
      'marriage-family-therapist': within('aamft 1.5'), 'behavior-analyst': after('bacb 1.14'), nurse: noFormerRule,
      physician, psychiatrist, 'addiction-counselor': within('naadac Principle I'),
    },
  },
  'former client, 6 years after care': {
    scenario: (p) => formerClientRomance(p, '2025-03-01'),
    expect: {
      psychologist: after('apa 10.08(b)'), counselor: after('aca A.5.c'), 'social-worker': within('nasw 1.09(c)'),
      'marriage-family-therapist': within('aamft 1.5'), 'behavior-analyst': after('bacb 1.14'), nurse: noFormerRule,
      physician, psychiatrist, 'addiction-counselor': within('naadac Principle I'),
    },
  },
  'a US$5 gift': {
    scenario: (p) => cleanScenario(p, { gifts: [{ direction: 'from-client', kind: 'object', valueUsd: 5 }] }),
    expect: byCode(
      { 'dual-relationship/gift-over-code-cap': null, 'dual-relationship/gift-weigh-factors': null },
      { counselor: { 'dual-relationship/gift-weigh-factors': ['low', 'aca A.10.f'] }, 'marriage-family-therapist': { 'dual-relationship/gift-weigh-factors': ['low', 'aamft 3.9'] } },
    ),
  },
  'a US$50 gift': {
    scenario: (p) => cleanScenario(p, { gifts: [{ direction: 'from-client', kind: 'object', valueUsd: 50 }] }),
    expect: byCode(
      { 'dual-relationship/gift-over-code-cap': null, 'dual-relationship/gift-weigh-factors': null },
      {
        'behavior-analyst': { 'dual-relationship/gift-over-code-cap': ['critical', 'bacb 1.12'] },
        counselor: { 'dual-relationship/gift-weigh-factors': ['low', 'aca A.10.f'] },
        'marriage-family-therapist': { 'dual-relationship/gift-weigh-factors': ['low', 'aamft 3.9'] },
      },
    ),
  },
  'a cash gift': {
    scenario: (p) => cleanScenario(p, { gifts: [{ direction: 'from-client', kind: 'cash', valueUsd: 5 }] }),
    expect: byCode(
      { 'dual-relationship/gift-cash-or-equivalent': null, 'dual-relationship/gift-over-code-cap': null },
      {
        'behavior-analyst': { 'dual-relationship/gift-cash-or-equivalent': ['high', 'bacb 1.12'] },
        counselor: { 'dual-relationship/gift-cash-or-equivalent': ['moderate', 'aca A.10.f'] },
        'marriage-family-therapist': { 'dual-relationship/gift-cash-or-equivalent': ['moderate', 'aamft 3.9'] },
      },
    ),
  },
  'a personal online connection with a current client': {
    scenario: (p) => cleanScenario(p, { conduct: [{ kind: 'online-contact', detail: 'friend-request-accepted' }] }),
    expect: byCode(
      { 'dual-relationship/online-connection-current-client': null },
      {
        counselor: { 'dual-relationship/online-connection-current-client': ['critical', 'aca A.5.e', 'aca H.6.a'] },
        'social-worker': { 'dual-relationship/online-connection-current-client': ['high', 'nasw 1.06(h)', 'nasw 1.06(e)'] },
        nurse: { 'dual-relationship/online-connection-current-client': ['high', 'ncsbn social-media'] },
        psychologist: { 'dual-relationship/online-connection-current-client': ['high', 'apa 3.05(a)'] },
      },
    ),
  },
  'a business tie with a current client': {
    scenario: (p) => cleanScenario(p, { relationships: [{ kind: 'business', with: 'client', timing: 'during' }] }),
    expect: byCode(
      { 'dual-relationship/business-with-client': null },
      {
        psychologist: { 'dual-relationship/business-with-client': ['high', 'apa 3.05(a)', 'apa 3.06', 'apa 3.08'] },
        'social-worker': { 'dual-relationship/business-with-client': ['high', 'nasw 1.06(b)'] },
        'marriage-family-therapist': { 'dual-relationship/business-with-client': ['high', 'aamft 1.3'] },
        'behavior-analyst': { 'dual-relationship/business-with-client': ['critical', 'bacb 1.11'] },
      },
    ),
  },
  'medication advice': {
    scenario: (p) => cleanScenario(p, { advice: [{ topic: 'medication', mode: 'directive', requestedByClient: true }] }),
    expect: byCode(
      { 'advice-limit/medication-advice-by-non-prescriber': ['high', 'aca C.2.a (guidance)'] },
      {
        psychologist: { 'advice-limit/medication-advice-by-non-prescriber': ['high', 'apa 2.01(a)'] },
        counselor: { 'advice-limit/medication-advice-by-non-prescriber': ['high', 'aca C.2.a'] },
        'social-worker': { 'advice-limit/medication-advice-by-non-prescriber': ['high', 'nasw 1.04(a)'] },
        'behavior-analyst': { 'advice-limit/medication-advice-by-non-prescriber': ['high', 'bacb 1.05'] },
        physician: { 'advice-limit/medication-advice-by-non-prescriber': null },
        psychiatrist: { 'advice-limit/medication-advice-by-non-prescriber': null },
      },
    ),
  },
  'concerns beyond competence': {
    scenario: (p) => {
      const s = cleanScenario(p);
      return { ...s, client: { ...(s['client'] as object), concerns: ['eating-disorders'] } };
    },
    expect: byCode(
      { 'referral-trigger/concerns-beyond-competence': ['high', 'apa 2.01(a) (guidance)'] },
      {
        psychologist: { 'referral-trigger/concerns-beyond-competence': ['high', 'apa 2.01(a)'] },
        counselor: { 'referral-trigger/concerns-beyond-competence': ['high', 'aca C.2.a', 'aca A.11.a'] },
        'social-worker': { 'referral-trigger/concerns-beyond-competence': ['high', 'nasw 1.04(a)', 'nasw 1.16(a)'] },
        'behavior-analyst': { 'referral-trigger/concerns-beyond-competence': ['high', 'bacb 1.05'] },
      },
    ),
  },
  'imminent suicide risk': {
    scenario: (p) => {
      const s = cleanScenario(p);
      const client = s['client'] as { risk: object };
      return { ...s, client: { ...client, risk: { ...client.risk, suicide: 'imminent' } } };
    },
    expect: byCode(
      { 'referral-trigger/imminent-suicide-risk': ['critical', 'tjc NPSG.15.01.01 (guidance)'] },
      {
        psychologist: { 'referral-trigger/imminent-suicide-risk': ['critical', 'apa 4.05(b)'] },
        counselor: { 'referral-trigger/imminent-suicide-risk': ['critical', 'aca B.2.a'] },
        'social-worker': { 'referral-trigger/imminent-suicide-risk': ['critical', 'nasw 1.16(a)'] },
      },
    ),
  },
  'termination for nonpayment': {
    scenario: (p) => {
      const s = cleanScenario(p);
      return { ...s, care: { ...(s['care'] as object), termination: { planned: true, reason: 'nonpayment', preTerminationCounseling: true, referralsGiven: true } } };
    },
    expect: byCode(
      { 'referral-trigger/nonpayment-termination': null },
      {
        'social-worker': { 'referral-trigger/nonpayment-termination': ['moderate', 'nasw 1.17(c)'] },
        counselor: { 'referral-trigger/nonpayment-termination': ['low', 'aca A.11.c'] },
        psychologist: { 'referral-trigger/nonpayment-termination': ['low', 'apa 6.04(e)'] },
      },
    ),
  },
};

/** The same outcome for every profession, with some professions' own. */
function byCode(all: Outcome, own: Partial<Record<Profession, Outcome>>): Record<Profession, Outcome> {
  return Object.fromEntries(PROFESSIONS.map((p) => [p, { ...all, ...own[p] }])) as Record<Profession, Outcome>;
}

function outcomeOf(report: Report, ruleIds: readonly string[]): Outcome {
  return Object.fromEntries(
    ruleIds.map((id) => {
      const f = report.findings.find((x) => x.ruleId === id);
      return [id, f ? [f.severity, ...f.citations.map(citationKey)] : null];
    }),
  );
}

describe('each profession judged by its own code', () => {
  for (const [situation, { scenario, expect: outcomes }] of Object.entries(battery)) {
    describe(situation, () => {
      it.each(PROFESSIONS)('%s', async (profession) => {
        const want = outcomes[profession];
        const report = await checker.check(scenario(profession));
        expect(outcomeOf(report, Object.keys(want))).toEqual(want);
        // Whatever is asserted absent is decided, not left undetermined.
        for (const [id, value] of Object.entries(want)) {
          if (value === null) expect(report.undetermined.map((u) => u.ruleId)).not.toContain(id);
        }
      });
    });
  }
});
