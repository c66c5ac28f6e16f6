/**
 * Leaderboard periods in a server's time zone: keys ('2026-W48', '2026-11', 'all') and the instants
 * they cover. Weeks are ISO weeks (Monday to Sunday, week 1 holds the year's first Thursday).
 */
import { addDays, formatLocalDate, localDateOf, parseLocalDate, startOfLocalDay, weekdayOf } from './zoned';

export const PERIOD_KINDS = ['week', 'month', 'all'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Range covering every instant a JS Date can hold; finite so it binds cleanly as an SQL integer. */
export const MIN_INSTANT = -8.64e15;
export const MAX_INSTANT = 8.64e15;

export interface InstantRange {
  /** First instant in the period (inclusive). */
  start: number;
  /** First instant after the period (exclusive). */
  end: number;
}

interface IsoWeek {
  year: number;
  week: number;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** The ISO week of a calendar date: the week-year is that of the date's Thursday. */
function isoWeekOf(localDate: string): IsoWeek {
  const thursday = addDays(localDate, 4 - weekdayOf(localDate));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = Math.round(
    (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${thursday.slice(0, 4)}-01-01T00:00:00Z`)) /
      86_400_000,
  );
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** Monday of week 1: the Monday on or before 4 January. */
function firstMondayOfIsoYear(year: number): string {
  const january4 = formatLocalDate({ year, month: 1, day: 4 });
  return addDays(january4, 1 - weekdayOf(january4));
}

function mondayOfWeek({ year, week }: IsoWeek): string {
  return addDays(firstMondayOfIsoYear(year), 7 * (week - 1));
}

function parseWeekKey(key: string): IsoWeek {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  const week = match === null ? null : { year: Number(match[1]), week: Number(match[2]) };
  if (week === null || week.week < 1 || isoWeekOf(mondayOfWeek(week)).week !== week.week) {
    throw new RangeError(`Not a week key (YYYY-Www): ${JSON.stringify(key)}`);
  }
  return week;
}

function formatWeekKey({ year, week }: IsoWeek): string {
  return `${String(year).padStart(4, '0')}-W${pad2(week)}`;
}

function parseMonthKey(key: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  const date = match === null ? null : parseLocalDate(`${key}-01`);
  if (date === null) throw new RangeError(`Not a month key (YYYY-MM): ${JSON.stringify(key)}`);
  return { year: date.year, month: date.month };
}

function monthAfter(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function assertAllKey(key: string): void {
  if (key !== 'all') throw new RangeError(`Not the all-time key: ${JSON.stringify(key)}`);
}

/** The key of the period of `kind` that holds `instantMs`, judged by the local date in `timeZone`. */
export function periodKey(instantMs: number, kind: PeriodKind, timeZone: string): string {
  const localDate = localDateOf(instantMs, timeZone);
  switch (kind) {
    case 'week':
      return formatWeekKey(isoWeekOf(localDate));
    case 'month':
      return localDate.slice(0, 7);
    case 'all':
      return 'all';
  }
}

/** The current period's key; `now` comes from the caller so tests can inject a clock. */
export function currentPeriodKey(nowMs: number, kind: PeriodKind, timeZone: string): string {
  return periodKey(nowMs, kind, timeZone);
}

/**
 * The instants a period covers, from the start of its first local day to the start of the next
 * period's first local day (exclusive), so a week with a DST change lasts 167 or 169 hours.
 * 'all' covers every representable instant. Throws RangeError for a malformed key.
 */
export function periodRange(kind: PeriodKind, key: string, timeZone: string): InstantRange {
  switch (kind) {
    case 'week': {
      const monday = mondayOfWeek(parseWeekKey(key));
      return { start: startOfLocalDay(monday, timeZone), end: startOfLocalDay(addDays(monday, 7), timeZone) };
    }
    case 'month': {
      const { year, month } = parseMonthKey(key);
      const next = monthAfter(year, month, 1);
      return {
        start: startOfLocalDay(formatLocalDate({ year, month, day: 1 }), timeZone),
        end: startOfLocalDay(formatLocalDate({ ...next, day: 1 }), timeZone),
      };
    }
    case 'all':
      assertAllKey(key);
      return { start: MIN_INSTANT, end: MAX_INSTANT };
  }
}

/** The key of the period just before `key` (calendar only; 'all' has no predecessor but itself). */
export function previousPeriodKey(kind: PeriodKind, key: string): string {
  switch (kind) {
    case 'week':
      return formatWeekKey(isoWeekOf(addDays(mondayOfWeek(parseWeekKey(key)), -7)));
    case 'month': {
      const { year, month } = parseMonthKey(key);
      const previous = monthAfter(year, month, -1);
      return formatLocalDate({ ...previous, day: 1 }).slice(0, 7);
    }
    case 'all':
      assertAllKey(key);
      return 'all';
  }
}
