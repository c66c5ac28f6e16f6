import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatTimeOfDay,
  localDateOf,
  localPartsOf,
  localTimeOf,
  offsetAt,
  parseLocalDate,
  parseTimeOfDay,
  startOfLocalDay,
  weekdayOf,
  zonedInstant,
} from '../../src/time/zoned';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

describe('local date, time and parts of an instant', () => {
  const instant = at('2026-11-27T02:30:45Z');

  it('reads the wall clock of the zone', () => {
    expect(localDateOf(instant, 'UTC')).toBe('2026-11-27');
    expect(localDateOf(instant, 'America/Sao_Paulo')).toBe('2026-11-26');
    expect(localTimeOf(instant, 'America/Sao_Paulo')).toBe('23:30');
    expect(localTimeOf(instant, 'Asia/Kolkata')).toBe('08:00');
    expect(localPartsOf(instant, 'Europe/Lisbon')).toEqual({
      year: 2026,
      month: 11,
      day: 27,
      hour: 2,
      minute: 30,
      second: 45,
      weekday: 5,
    });
  });

  it('numbers weekdays from Monday = 1 to Sunday = 7', () => {
    expect(localPartsOf(at('2026-11-23T12:00Z'), 'UTC').weekday).toBe(1);
    expect(localPartsOf(at('2026-11-29T12:00Z'), 'UTC').weekday).toBe(7);
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
  });

  it('uses 00 for midnight, not 24', () => {
    expect(localTimeOf(at('2026-11-27T03:00Z'), 'America/Sao_Paulo')).toBe('00:00');
  });

  it('handles instants before 1970 and far years', () => {
    expect(localDateOf(at('1969-12-31T23:59:59Z'), 'UTC')).toBe('1969-12-31');
    expect(localDateOf(at('0050-06-01T12:00:00Z'), 'UTC')).toBe('0050-06-01');
  });

  it('knows offsets, including half-hour ones', () => {
    expect(offsetAt(at('2026-07-01T00:00Z'), 'America/Sao_Paulo')).toBe(-3 * HOUR);
    expect(offsetAt(at('2026-07-01T00:00Z'), 'Europe/Lisbon')).toBe(1 * HOUR);
    expect(offsetAt(at('2026-07-01T00:00Z'), 'Australia/Lord_Howe')).toBe(10.5 * HOUR);
    expect(offsetAt(at('2026-01-01T00:00Z'), 'Australia/Lord_Howe')).toBe(11 * HOUR);
  });

  it('rejects an unknown zone and a non-instant', () => {
    expect(() => localDateOf(0, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localDateOf(Number.NaN, 'UTC')).toThrow(RangeError);
  });
});

describe('parseTimeOfDay / formatTimeOfDay', () => {
  it.each([
    ['00:00', { hour: 0, minute: 0 }],
    ['09:05', { hour: 9, minute: 5 }],
    ['9:00', { hour: 9, minute: 0 }],
    [' 23:59 ', { hour: 23, minute: 59 }],
  ])('parses %j', (text, expected) => expect(parseTimeOfDay(text)).toEqual(expected));

  it.each(['24:00', '25:00', '12:60', '12:5', '123:00', '9', 'abc', '', '-1:00', '12:00:00', '１２:００'])(
    'rejects %j',
    (text) => expect(parseTimeOfDay(text)).toBeNull(),
  );

  it('formats with two digits, so 9:00 normalises to 09:00', () => {
    const parsed = parseTimeOfDay('9:00');
    expect(parsed).not.toBeNull();
    if (parsed !== null) expect(formatTimeOfDay(parsed)).toBe('09:00');
  });
});

describe('parseLocalDate / addDays', () => {
  it('accepts real dates only', () => {
    expect(parseLocalDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseLocalDate('2026-02-29')).toBeNull();
    expect(parseLocalDate('2026-13-01')).toBeNull();
    expect(parseLocalDate('2026-1-01')).toBeNull();
    expect(parseLocalDate('26-01-01')).toBeNull();
  });

  it('adds calendar days across months, years and leap days', () => {
    expect(addDays('2026-11-27', 1)).toBe('2026-11-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('rejects bad input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 0.5)).toThrow(RangeError);
  });
});

describe('zonedInstant', () => {
  it('finds the instant of an ordinary wall time', () => {
    expect(zonedInstant('2026-11-27', '09:00', 'America/Sao_Paulo')).toBe(at('2026-11-27T12:00Z'));
    expect(zonedInstant('2026-07-01', '09:00', 'Europe/Lisbon')).toBe(at('2026-07-01T08:00Z'));
    expect(zonedInstant('2026-11-27', '9:00', 'UTC')).toBe(at('2026-11-27T09:00Z'));
  });

  it('round-trips with localDateOf/localTimeOf every 37 minutes through a year in several zones', () => {
    for (const zone of ['America/Sao_Paulo', 'Europe/Lisbon', 'America/New_York', 'Australia/Lord_Howe']) {
      for (let instant = at('2026-01-01T00:00Z'); instant < at('2027-01-01T00:00Z'); instant += 37 * 60_000) {
        const date = localDateOf(instant, zone);
        const time = localTimeOf(instant, zone);
        const back = zonedInstant(date, time, zone);
        // Same wall clock; in an overlap the earlier instant may come back.
        expect(localDateOf(back, zone)).toBe(date);
        expect(localTimeOf(back, zone)).toBe(time);
        expect(back).toBeLessThanOrEqual(Math.floor(instant / 60_000) * 60_000);
      }
    }
  });

  describe('DST gap: the time is shifted forward by the length of the gap', () => {
    it('Europe/Lisbon 2026-03-29, 01:00 jumps to 02:00', () => {
      const instant = zonedInstant('2026-03-29', '01:30', 'Europe/Lisbon');
      expect(instant).toBe(at('2026-03-29T01:30Z'));
      expect(localTimeOf(instant, 'Europe/Lisbon')).toBe('02:30');
      // The start of the gap lands on the first instant after it.
      expect(zonedInstant('2026-03-29', '01:00', 'Europe/Lisbon')).toBe(at('2026-03-29T01:00Z'));
      expect(localTimeOf(at('2026-03-29T01:00Z'), 'Europe/Lisbon')).toBe('02:00');
    });

    it('America/New_York 2026-03-08, 02:00 jumps to 03:00', () => {
      const instant = zonedInstant('2026-03-08', '02:30', 'America/New_York');
      expect(localTimeOf(instant, 'America/New_York')).toBe('03:30');
      expect(instant).toBe(at('2026-03-08T07:30Z'));
    });

    it('America/Sao_Paulo 2018-11-04, midnight jumps to 01:00', () => {
      expect(localTimeOf(zonedInstant('2018-11-04', '00:30', 'America/Sao_Paulo'), 'America/Sao_Paulo')).toBe(
        '01:30',
      );
      expect(zonedInstant('2018-11-04', '00:00', 'America/Sao_Paulo')).toBe(at('2018-11-04T03:00Z'));
    });

    it('Australia/Lord_Howe 2026-10-04, a 30-minute gap from 02:00 to 02:30', () => {
      const instant = zonedInstant('2026-10-04', '02:15', 'Australia/Lord_Howe');
      expect(localTimeOf(instant, 'Australia/Lord_Howe')).toBe('02:45');
    });
  });

  describe('DST overlap: the earlier of the two instants', () => {
    it('Europe/Lisbon 2026-10-25, 02:00 falls back to 01:00', () => {
      expect(zonedInstant('2026-10-25', '01:30', 'Europe/Lisbon')).toBe(at('2026-10-25T00:30Z'));
      // The later 01:30 exists too, an hour after.
      expect(localTimeOf(at('2026-10-25T01:30Z'), 'Europe/Lisbon')).toBe('01:30');
    });

    it('America/New_York 2026-11-01, 02:00 falls back to 01:00', () => {
      expect(zonedInstant('2026-11-01', '01:30', 'America/New_York')).toBe(at('2026-11-01T05:30Z'));
    });

    it('America/Sao_Paulo 2019-02-16, midnight falls back to 23:00', () => {
      expect(zonedInstant('2019-02-16', '23:30', 'America/Sao_Paulo')).toBe(at('2019-02-17T01:30Z'));
      expect(zonedInstant('2019-02-17', '00:00', 'America/Sao_Paulo')).toBe(at('2019-02-17T03:00Z'));
    });

    it('Australia/Lord_Howe 2026-04-05, 02:00 falls back to 01:30', () => {
      expect(zonedInstant('2026-04-05', '01:45', 'Australia/Lord_Howe')).toBe(at('2026-04-04T14:45Z'));
    });
  });

  it('rejects bad input', () => {
    expect(() => zonedInstant('2026-02-30', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedInstant('2026-02-01', '24:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedInstant('2026-02-01', '09:00', 'Nowhere/Special')).toThrow(RangeError);
  });
});

describe('startOfLocalDay', () => {
  it('is local midnight on an ordinary day', () => {
    expect(startOfLocalDay('2026-11-27', 'America/Sao_Paulo')).toBe(at('2026-11-27T03:00Z'));
    expect(startOfLocalDay('2026-03-29', 'Europe/Lisbon')).toBe(at('2026-03-29T00:00Z'));
  });

  it('is 01:00 when midnight does not exist (Brazil 2018-11-04)', () => {
    const start = startOfLocalDay('2018-11-04', 'America/Sao_Paulo');
    expect(localTimeOf(start, 'America/Sao_Paulo')).toBe('01:00');
    expect(localDateOf(start - 1, 'America/Sao_Paulo')).toBe('2018-11-03');
  });

  it('makes days of 23, 24 and 25 hours around DST changes', () => {
    const length = (date: string, zone: string): number =>
      (startOfLocalDay(addDays(date, 1), zone) - startOfLocalDay(date, zone)) / HOUR;
    expect(length('2026-03-29', 'Europe/Lisbon')).toBe(23);
    expect(length('2026-10-25', 'Europe/Lisbon')).toBe(25);
    expect(length('2026-11-27', 'Europe/Lisbon')).toBe(24);
    expect(length('2018-11-04', 'America/Sao_Paulo')).toBe(23);
    expect(length('2019-02-16', 'America/Sao_Paulo')).toBe(25);
    expect(length('2026-10-04', 'Australia/Lord_Howe')).toBe(23.5);
  });
});

describe('a date the zone skipped entirely', () => {
  it('starts when the next day starts (Pacific/Apia went from 29 to 31 December 2011)', () => {
    const start = startOfLocalDay('2011-12-30', 'Pacific/Apia');
    expect(localDateOf(start, 'Pacific/Apia')).toBe('2011-12-31');
    expect(start).toBe(startOfLocalDay('2011-12-31', 'Pacific/Apia'));
    expect(localDateOf(start - 1, 'Pacific/Apia')).toBe('2011-12-29');
  });
});
