import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker, parseScenario } from '../src/index.js';
import { addMonths, isCalendarDate, monthsBetween } from '../src/dates.js';
import * as S from '../src/scenario.js';

const dateArb = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const pick = <T extends string>(values: readonly T[]) => fc.constantFrom(...values);
const strip = <T extends object>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

/** Valid scenarios drawn from the whole contract. */
const scenarioArb = fc
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

describe('calendar arithmetic', () => {
  it('counts whole months: addMonths(a, monthsBetween(a, b)) <= b < addMonths(a, monthsBetween(a, b) + 1)', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const n = monthsBetween(from, to);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(addMonths(from, n) <= to).toBe(true);
        expect(addMonths(from, n + 1) > to).toBe(true);
        expect(monthsBetween(to, from)).toBe(n === 0 ? 0 : -n);
      }),
    );
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2020-02-29', 12)).toBe('2021-02-28');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(monthsBetween('2020-02-29', '2022-02-28')).toBe(24);
    expect(monthsBetween('2019-03-01', '2021-02-28')).toBe(23);
  });

  it('accepts exactly the real calendar dates', () => {
    fc.assert(fc.property(dateArb, (d) => {
        expect(isCalendarDate(d)).toBe(true);
      }));
    for (const bad of ['2025-02-29', '2025-04-31', '2025-00-10', '2025-13-01', '2025-1-01', '20250101']) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });
});

describe('random scenarios', () => {
  const checker = createChecker();

  it('are valid under the schema', () => {
    fc.assert(fc.property(scenarioArb, (s) => void parseScenario(s)), { numRuns: 200 });
  });

  it('get the same report from json-rules-engine (check) and the compiled evaluator (checkSync)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        expect(JSON.stringify(checker.checkSync(s))).toBe(JSON.stringify(await checker.check(s)));
      }),
      { numRuns: 300 },
    );
  });

  it('never decide a rule both ways: a rule is fired, undetermined, or neither for each subject', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const report = await checker.check(s);
        for (const f of report.findings) {
          expect(f.evidence.length).toBeGreaterThan(0);
          expect(f.citations.length).toBeGreaterThan(0);
        }
        expect(report.highestSeverity).toBe(report.findings[0]?.severity ?? null);
      }),
      { numRuns: 100 },
    );
  });
});
