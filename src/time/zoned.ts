/**
 * Wall-clock maths in an IANA time zone, with `Intl` only.
 * Instants are epoch milliseconds; a local date is 'YYYY-MM-DD'; a time of day is 'HH:MM'.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
}

export interface TimeOfDay {
  hour: number;
  minute: number;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building them is the slow part of Intl. Throws RangeError for a bad zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function assertInstant(instantMs: number): void {
  if (!Number.isFinite(instantMs)) throw new RangeError(`Not an instant: ${instantMs}`);
}

/** Date.UTC without its 0–99 → 1900s quirk. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** en-US output of {@link formatterFor}, e.g. 'Fri, 11/27/2026 AD, 11:18:08'. */
const EN_US_LAYOUT = /^(\w{3}), (\d{1,2})\/(\d{1,2})\/(\d+) (AD|BC), (\d{2}):(\d{2}):(\d{2})$/;

type PartName = 'weekday' | 'era' | 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

function toLocalParts(text: Partial<Record<PartName, string>>): LocalParts {
  const yearOfEra = Number(text.year);
  return {
    year: text.era === 'BC' ? 1 - yearOfEra : yearOfEra,
    month: Number(text.month),
    day: Number(text.day),
    hour: Number(text.hour),
    minute: Number(text.minute),
    second: Number(text.second),
    weekday: WEEKDAYS[text.weekday ?? ''] ?? Number.NaN,
  };
}

/** The wall-clock fields in `timeZone` at an instant (seconds precision). */
export function localPartsOf(instantMs: number, timeZone: string): LocalParts {
  assertInstant(instantMs);
  const formatter = formatterFor(timeZone);
  // format() + a regex is about four times faster than formatToParts(), and the cron calls this a lot;
  // formatToParts() stays as the fallback should an ICU update change the layout.
  const match = EN_US_LAYOUT.exec(formatter.format(instantMs));
  if (match !== null) {
    const [, weekday, month, day, year, era, hour, minute, second] = match;
    return toLocalParts({ weekday, month, day, year, era, hour, minute, second });
  }
  const text: Partial<Record<string, string>> = {};
  for (const part of formatter.formatToParts(instantMs)) text[part.type] = part.value;
  return toLocalParts(text);
}

/** UTC offset in ms (wall clock minus UTC) in effect at an instant. */
export function offsetAt(instantMs: number, timeZone: string): number {
  const p = localPartsOf(instantMs, timeZone);
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return utcMs(p.year, p.month, p.day, p.hour, p.minute, p.second) - wholeSecond;
}

function pad(value: number, width: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(value)).padStart(width, '0');
}

export function formatLocalDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Strict 'YYYY-MM-DD' that names a real calendar day, or null. */
export function parseLocalDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(utcMs(year, month, day));
  const real =
    check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  return real ? { year, month, day } : null;
}

function requireLocalDate(text: string): CalendarDate {
  const date = parseLocalDate(text);
  if (date === null) throw new RangeError(`Not a local date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return date;
}

/**
 * 'HH:MM' from 00:00 to 23:59; a one-digit hour ('9:00') and surrounding spaces are accepted.
 * Anything else ('25:00', '12:60', '9', 'abc') is null.
 */
export function parseTimeOfDay(text: string): TimeOfDay | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (match === null) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/** Always two-digit 'HH:MM', the normal form to store. */
export function formatTimeOfDay(time: TimeOfDay): string {
  return `${pad(time.hour, 2)}:${pad(time.minute, 2)}`;
}

function requireTimeOfDay(text: string): TimeOfDay {
  const time = parseTimeOfDay(text);
  if (time === null) throw new RangeError(`Not a time of day (HH:MM): ${JSON.stringify(text)}`);
  return time;
}

/** The local date ('YYYY-MM-DD') in `timeZone` at an instant. */
export function localDateOf(instantMs: number, timeZone: string): string {
  return formatLocalDate(localPartsOf(instantMs, timeZone));
}

/** The local wall time ('HH:MM') in `timeZone` at an instant. */
export function localTimeOf(instantMs: number, timeZone: string): string {
  return formatTimeOfDay(localPartsOf(instantMs, timeZone));
}

/** Pure calendar arithmetic: the date `days` days after (or before, if negative) `localDate`. */
export function addDays(localDate: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  const { year, month, day } = requireLocalDate(localDate);
  const moved = new Date(utcMs(year, month, day) + days * DAY_MS);
  return formatLocalDate({
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
  });
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a calendar date; no time zone involved. */
export function weekdayOf(localDate: string): number {
  const { year, month, day } = requireLocalDate(localDate);
  return ((new Date(utcMs(year, month, day)).getUTCDay() + 6) % 7) + 1;
}

/** The wall clock at `instantMs`, expressed as if that wall clock were UTC (whole seconds). */
function wallAt(instantMs: number, timeZone: string): number {
  return Math.floor(instantMs / 1000) * 1000 + offsetAt(instantMs, timeZone);
}

/**
 * The instant at which the wall clock in `timeZone` shows `localDate` at `timeOfDay` ('HH:MM').
 *
 * - Gap (the time does not exist, e.g. 02:30 on a spring-forward day where 02:00 jumps to 03:00):
 *   the time is shifted forward by the length of the gap, i.e. read with the offset in effect before
 *   the change (02:30 → 03:30). This is what `Date` and Temporal's 'compatible' disambiguation do.
 *   A time at the very start of the gap lands exactly on the first instant after it (02:00 → 03:00).
 * - Overlap (the time occurs twice, e.g. 01:30 on a fall-back day): the earlier of the two instants.
 *
 * Throws RangeError for a malformed date, time or zone.
 */
export function zonedInstant(localDate: string, timeOfDay: string, timeZone: string): number {
  const { year, month, day } = requireLocalDate(localDate);
  const { hour, minute } = requireTimeOfDay(timeOfDay);
  const wall = utcMs(year, month, day, hour, minute);
  // Offsets a day either side bracket any transition near this wall time.
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const offsets = new Set([offsetBefore, offsetAt(wall, timeZone), offsetAfter]);
  const candidates = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => wallAt(instant, timeZone) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: read the wall time with the offset from before the change.
  return wall - offsetBefore;
}

/**
 * The first instant of `localDate` in `timeZone`. Usually local midnight; when midnight falls in a
 * gap (e.g. Brazil's old spring-forward at 00:00), the first instant after the gap (01:00).
 * A date a zone skipped entirely (Pacific/Apia, 2011-12-30) gives the start of the next day.
 */
export function startOfLocalDay(localDate: string, timeZone: string): number {
  const midnight = zonedInstant(localDate, '00:00', timeZone);
  if (localDateOf(midnight - 1, timeZone) !== localDate) return midnight;
  // Midnight was in a gap that began the evening before; find the gap's end, minute by minute
  // backwards (gaps are at most a day, and this runs only in such rare zones).
  let start = midnight;
  while (localDateOf(start - MINUTE_MS, timeZone) === localDate) start -= MINUTE_MS;
  return start;
}
