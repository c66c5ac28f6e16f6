import { describe, expect, it } from 'vitest';
import {
  MAX_INSTANT,
  MIN_INSTANT,
  currentPeriodKey,
  periodKey,
  periodRange,
  previousPeriodKey,
} from '../../src/time/periods';
import { localDateOf, localTimeOf } from '../../src/time/zoned';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

describe('periodKey', () => {
  it('gives the ISO week, month and all-time keys of the local date', () => {
    const now = at('2026-11-27T12:00Z');
    expect(periodKey(now, 'week', 'America/Sao_Paulo')).toBe('2026-W48');
    expect(periodKey(now, 'month', 'America/Sao_Paulo')).toBe('2026-11');
    expect(periodKey(now, 'all', 'America/Sao_Paulo')).toBe('all');
    expect(currentPeriodKey(now, 'week', 'UTC')).toBe('2026-W48');
  });

  it('starts weeks on Monday in the local zone', () => {
    const sundayEveningSaoPaulo = at('2026-11-30T02:30Z'); // Sun 29 Nov 23:30 in São Paulo, Mon in UTC
    expect(periodKey(sundayEveningSaoPaulo, 'week', 'America/Sao_Paulo')).toBe('2026-W48');
    expect(periodKey(sundayEveningSaoPaulo, 'week', 'UTC')).toBe('2026-W49');
    expect(periodKey(at('2026-11-30T03:00Z'), 'week', 'America/Sao_Paulo')).toBe('2026-W49');
  });

  it('uses the local month, not the UTC one', () => {
    const lateOctober31InSaoPaulo = at('2026-11-01T01:00Z');
    expect(periodKey(lateOctober31InSaoPaulo, 'month', 'America/Sao_Paulo')).toBe('2026-10');
    expect(periodKey(lateOctober31InSaoPaulo, 'month', 'Europe/Lisbon')).toBe('2026-11');
  });

  it.each([
    ['2026-01-01', '2026-W01'], // Thursday
    ['2025-12-29', '2026-W01'], // Monday of week 1 of 2026
    ['2025-12-28', '2025-W52'],
    ['2027-01-01', '2026-W53'], // 2026 has 53 weeks
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
  ])('week of %s is %s (ISO years at the turn of the year)', (date, key) => {
    expect(periodKey(at(`${date}T12:00Z`), 'week', 'UTC')).toBe(key);
  });
});

describe('periodRange', () => {
  it('covers Monday 00:00 to the next Monday 00:00 local time', () => {
    const { start, end } = periodRange('week', '2026-W48', 'America/Sao_Paulo');
    expect(start).toBe(at('2026-11-23T03:00Z'));
    expect(end).toBe(at('2026-11-30T03:00Z'));
  });

  it('makes DST weeks 167 or 169 hours long', () => {
    const hours = (key: string, zone: string): number => {
      const { start, end } = periodRange('week', key, zone);
      return (end - start) / HOUR;
    };
    expect(hours('2026-W13', 'Europe/Lisbon')).toBe(167);
    expect(hours('2026-W43', 'Europe/Lisbon')).toBe(169);
    expect(hours('2026-W10', 'America/New_York')).toBe(167);
    expect(hours('2026-W44', 'America/New_York')).toBe(169);
    expect(hours('2026-W48', 'America/Sao_Paulo')).toBe(168);
    expect(hours('2026-W40', 'Australia/Lord_Howe')).toBe(167.5);
  });

  it('shortens a week whose Sunday began at 01:00 (Brazil 2018-11-04, midnight did not exist)', () => {
    const { start, end } = periodRange('week', '2018-W44', 'America/Sao_Paulo');
    expect(localDateOf(start, 'America/Sao_Paulo')).toBe('2018-10-29');
    expect((end - start) / HOUR).toBe(167);
  });

  it('covers a local month', () => {
    const { start, end } = periodRange('month', '2026-10', 'Europe/Lisbon');
    expect(start).toBe(at('2026-09-30T23:00Z'));
    expect(end).toBe(at('2026-11-01T00:00Z'));
    expect(localTimeOf(start, 'Europe/Lisbon')).toBe('00:00');
    const december = periodRange('month', '2026-12', 'UTC');
    expect(december.end).toBe(at('2027-01-01T00:00Z'));
  });

  it('places every instant in the range of its own key', () => {
    for (const zone of ['Europe/Lisbon', 'Australia/Lord_Howe', 'America/Sao_Paulo']) {
      for (
        let instant = at('2026-01-01T00:00Z');
        instant < at('2027-01-01T00:00Z');
        instant += 5 * HOUR + 1
      ) {
        for (const kind of ['week', 'month'] as const) {
          const { start, end } = periodRange(kind, periodKey(instant, kind, zone), zone);
          expect(instant >= start && instant < end).toBe(true);
        }
      }
    }
  });

  it('covers everything for all time', () => {
    expect(periodRange('all', 'all', 'UTC')).toEqual({ start: MIN_INSTANT, end: MAX_INSTANT });
    expect(Number.isSafeInteger(MIN_INSTANT) && Number.isSafeInteger(MAX_INSTANT)).toBe(true);
  });

  it.each([
    ['week', '2026-48'],
    ['week', '2026-W00'],
    ['week', '2025-W53'], // 2025 has 52 weeks
    ['week', '2026-W54'],
    ['month', '2026-13'],
    ['month', '2026-1'],
    ['all', 'forever'],
  ] as const)('rejects %s key %j', (kind, key) => {
    expect(() => periodRange(kind, key, 'UTC')).toThrow(RangeError);
  });
});

describe('previousPeriodKey', () => {
  it('steps back one week, across ISO years', () => {
    expect(previousPeriodKey('week', '2026-W48')).toBe('2026-W47');
    expect(previousPeriodKey('week', '2026-W01')).toBe('2025-W52');
    expect(previousPeriodKey('week', '2027-W01')).toBe('2026-W53');
  });

  it('steps back one month, across years', () => {
    expect(previousPeriodKey('month', '2026-11')).toBe('2026-10');
    expect(previousPeriodKey('month', '2026-01')).toBe('2025-12');
  });

  it('keeps all time as it is', () => {
    expect(previousPeriodKey('all', 'all')).toBe('all');
  });

  it('ends where the previous period ends', () => {
    for (const [kind, key] of [
      ['week', '2026-W44'],
      ['month', '2026-11'],
    ] as const) {
      const previous = periodRange(kind, previousPeriodKey(kind, key), 'Europe/Lisbon');
      expect(previous.end).toBe(periodRange(kind, key, 'Europe/Lisbon').start);
    }
  });
});
