import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../src/dates.js';
import { CALENDAR_DATE_PATTERN } from '../src/scenario.js';

describe('the calendar-date pattern of the schema', () => {
  const re = new RegExp(CALENDAR_DATE_PATTERN);
  it('accepts exactly the dates that calendar arithmetic accepts', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
    fc.assert(
      fc.property(digits(4), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(re.test(s)).toBe(isCalendarDate(s));
      }),
      { numRuns: 5000 },
    );
    for (const [s, ok] of [['2000-02-29', true], ['1900-02-29', false], ['2024-02-29', true], ['2023-02-29', false], ['2025-04-31', false], ['2025-12-31', true]] as const) {
      expect(re.test(s)).toBe(ok);
    }
  });
});
