import type { PeriodKind } from '../db/schema';

/**
 * The leaderboard periods an instant falls in, in a time zone: ISO week of the local date (weeks start on
 * Monday), calendar month, and all time. E.g. { week: '2026-W48', month: '2026-11', all: 'all' }.
 */
export function periodKeysAt(instantMs: number, timeZone: string): Record<PeriodKind, string> {
  const parts = dateFormat(timeZone)
    .formatToParts(instantMs)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  return { week: isoWeekKey(year, month, day), month: `${parts.year}-${parts.month}`, all: 'all' };
}

// Building an Intl.DateTimeFormat costs far more than using one, and this runs on every answer click.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** ISO 8601 week key of a calendar date: the week belongs to the year of its Thursday. */
export function isoWeekKey(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // that week's Thursday
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}
