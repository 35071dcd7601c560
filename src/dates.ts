/**
 * Calendar dates as `YYYY-MM-DD` strings, and calendar arithmetic on them. No time zones: a date is
 * a day on the calendar, and durations are counted in calendar months, not in days.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  readonly y: number;
  readonly m: number; // 1–12
  readonly d: number;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function parse(date: string): Ymd | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

/** True for a real calendar date written `YYYY-MM-DD` (so `2025-02-30` is false). */
export function isCalendarDate(value: string): boolean {
  return parse(value) !== undefined;
}

function must(date: string): Ymd {
  const p = parse(date);
  if (!p) throw new RangeError(`not a calendar date: ${date}`);
  return p;
}

function format({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `date` plus `months` calendar months; a day past the end of the target month is clamped to it. */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = must(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return format({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/**
 * Whole calendar months from `from` to `to`: the largest n with `addMonths(from, n) <= to`.
 * Negative when `to` is before `from`.
 */
export function monthsBetween(from: string, to: string): number {
  if (to < from) {
    const back = monthsBetween(to, from);
    return back === 0 ? 0 : -back;
  }
  const a = must(from);
  const b = must(to);
  let n = (b.y - a.y) * 12 + (b.m - a.m);
  if (addMonths(from, n) > to) n -= 1;
  return n;
}

/** The later of two optional dates. */
export function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

/** A number of calendar months in words: `3 years 2 months`, `1 year`, `5 months`, `less than a month`. */
export function formatMonths(total: number): string {
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  const years = Math.floor(abs / 12);
  const months = abs % 12;
  const parts: string[] = [];
  if (years > 0) parts.push(`${years} ${years === 1 ? 'year' : 'years'}`);
  if (months > 0) parts.push(`${months} ${months === 1 ? 'month' : 'months'}`);
  return parts.length === 0 ? 'less than a month' : sign + parts.join(' ');
}

/** Today's date in UTC. */
export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}
