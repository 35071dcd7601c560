import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker, parseScenario } from '../src/index.js';
import { addMonths, isCalendarDate, monthsBetween } from '../src/dates.js';
import { dateArb, scenarioArb } from './helpers/arbitraries.js';

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

  it('give every finding evidence and a citation, and report the highest severity of its findings', async () => {
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
