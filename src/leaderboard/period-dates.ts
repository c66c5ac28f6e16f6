import type { PeriodKind } from '../db/schema';

/** A local calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

/**
 * First and last local dates of a week ('2026-W48', ISO: Monday to Sunday) or month ('2026-11') key.
 * Pure calendar maths: a key already is local to the server's time zone. Null for all time.
 */
export function periodDates(kind: PeriodKind, key: string): { first: LocalDate; last: LocalDate } | null {
  if (kind === 'all') return null;
  if (kind === 'month') {
    const [year, month] = key.split('-').map(Number) as [number, number];
    return { first: isoDate(Date.UTC(year, month - 1, 1)), last: isoDate(Date.UTC(year, month, 0)) };
  }
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!match) throw new Error(`not a week key: ${key}`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  // ISO week 1 is the week with 4 January in it.
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() || 7) - 1) * DAY_MS;
  const monday = mondayOfWeek1 + (week - 1) * 7 * DAY_MS;
  return { first: isoDate(monday), last: isoDate(monday + 6 * DAY_MS) };
}

/** The `count` month keys before `monthKey`, most recent first: '2026-11' → ['2026-10', '2026-09', …]. */
export function previousMonthKeys(monthKey: string, count: number): string[] {
  const [year, month] = monthKey.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => isoDate(Date.UTC(year, month - 2 - i, 1)).slice(0, 7));
}

const DAY_MS = 86_400_000;

function isoDate(utcMs: number): LocalDate {
  return new Date(utcMs).toISOString().slice(0, 10);
}
