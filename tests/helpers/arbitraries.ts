import fc from 'fast-check';
import * as S from '../../src/scenario.js';

export const dateArb = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const pick = <T extends string>(values: readonly T[]) => fc.constantFrom(...values);
const strip = <T extends object>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

/** Valid scenarios drawn from the whole contract. */
export const scenarioArb = fc
  .record({
    asOf: dateArb,
    professional: fc.record({
      profession: pick(S.PROFESSIONS),
      codes: maybe(fc.uniqueArray(pick(S.CODE_IDS), { minLength: 1, maxLength: 3 })),
      prescriber: maybe(fc.boolean()),
      competencies: maybe(fc.subarray(['anxiety', 'depression', 'eating-disorders', 'trauma'])),
      impairment: maybe(pick(S.IMPAIRMENTS)),
    }),
    client: fc.record({
      status: pick(S.CLIENT_STATUSES),
      concerns: maybe(fc.subarray(['anxiety', 'depression', 'eating-disorders', 'psychosis'])),
      risk: maybe(
        fc.record({
          suicide: maybe(pick(S.RISK_LEVELS)),
          violence: maybe(pick(S.RISK_LEVELS)),
          identifiableVictim: maybe(fc.boolean()),
        }),
      ),
      requests: maybe(fc.subarray([...S.CLIENT_REQUESTS])),
    }),
    care: maybe(
      fc.record({
        endedOn: maybe(dateArb),
        lastContactOn: maybe(dateArb),
        progress: maybe(pick(S.PROGRESS)),
        sessionsWithoutProgress: maybe(fc.nat(20)),
        goalsAgreed: maybe(fc.boolean()),
        allianceStrained: maybe(fc.boolean()),
        termination: maybe(
          fc.record({
            planned: fc.boolean(),
            reason: maybe(pick(S.TERMINATION_REASONS)),
            preTerminationCounseling: maybe(fc.boolean()),
            referralsGiven: maybe(fc.boolean()),
          }),
        ),
      }),
    ),
    relationships: maybe(
      fc.array(
        fc.record({
          kind: pick(S.RELATIONSHIP_KINDS),
          with: pick(S.RELATIONSHIP_WITH),
          timing: pick(S.TIMINGS),
          status: maybe(pick(S.RELATIONSHIP_STATUSES)),
          startedOn: maybe(dateArb),
          promisedDuringCare: maybe(fc.boolean()),
        }),
        { maxLength: 3 },
      ),
    ),
    gifts: maybe(
      fc.array(fc.record({ direction: pick(S.GIFT_DIRECTIONS), kind: pick(S.GIFT_KINDS), valueUsd: fc.integer({ min: 0, max: 200 }) }), { maxLength: 3 }),
    ),
    advice: maybe(fc.array(fc.record({ topic: pick(S.ADVICE_TOPICS), mode: pick(S.ADVICE_MODES), requestedByClient: fc.boolean() }), { maxLength: 3 })),
    conduct: maybe(fc.array(fc.record({ kind: pick(S.CONDUCT_KINDS), detail: maybe(pick(S.CONDUCT_DETAILS)) }), { maxLength: 2 })),
    referrals: maybe(fc.array(fc.record({ reason: pick(S.REFERRAL_REASONS), feePaid: maybe(fc.boolean()) }), { maxLength: 2 })),
  })
  .map(strip)
  // Keep the contract's cross-field rules: an end of care belongs to a former client.
  .map((s) => {
    const care = s.care as { endedOn?: string } | undefined;
    if (care?.endedOn !== undefined) (s.client as { status: string }).status = 'former';
    return s;
  });

