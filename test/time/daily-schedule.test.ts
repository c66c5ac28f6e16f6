import { describe, expect, it } from 'vitest';
import {
  dailySlotInstant,
  dueLocalDate,
  localDateToPost,
  nextPostInstant,
} from '../../src/time/daily-schedule';
import {
  addDays,
  localDateOf,
  localTimeOf,
  offsetAt,
  startOfLocalDay,
  zonedInstant,
} from '../../src/time/zoned';

const MINUTE = 60_000;
const DAY = 86_400_000;
const at = (iso: string): number => Date.parse(iso);

interface CronRun {
  zone: string;
  timeOfDay: string;
  from: number;
  to: number;
  /** [start, end) instants when the bot is not running. */
  down?: [number, number][];
}

/**
 * Ticks once a minute like the cron job and records posts as the database would: one row per local
 * date (a unique key), so a date is never posted twice. What can still go wrong, and is counted:
 * two posts going out on the same local day (e.g. a date posted on the next day) and days with none.
 */
function simulateCron({ zone, timeOfDay, from, to, down = [] }: CronRun) {
  const posts = new Map<string, number>();
  const postingDays = new Set<string>();
  let secondPostsOnADay = 0;
  for (let now = from; now < to; now += MINUTE) {
    if (down.some(([start, end]) => now >= start && now < end)) continue;
    const due = dueLocalDate(now, zone, timeOfDay);
    if (due === null || posts.has(due)) continue;
    posts.set(due, now);
    const postingDay = localDateOf(now, zone);
    if (postingDays.has(postingDay)) secondPostsOnADay += 1;
    postingDays.add(postingDay);
  }
  return { posts, secondPostsOnADay };
}

/** The same, driven by localDateToPost and only the last posted date (what a restart remembers). */
function simulateCronWithLastPosted({ zone, timeOfDay, from, to, down = [] }: CronRun) {
  const posts: { date: string; at: number }[] = [];
  for (let now = from; now < to; now += MINUTE) {
    if (down.some(([start, end]) => now >= start && now < end)) continue;
    const date = localDateToPost(now, zone, timeOfDay, posts.at(-1)?.date ?? null);
    if (date !== null) posts.push({ date, at: now });
  }
  return posts;
}

/** Local dates wholly inside [from, to). */
function fullLocalDays(zone: string, from: number, to: number): string[] {
  const days: string[] = [];
  const last = addDays(localDateOf(to, zone), -1);
  for (let day = addDays(localDateOf(from, zone), 1); day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

const transitions = [
  // Brazil abolished DST in 2019; its last changes were at midnight.
  { zone: 'America/Sao_Paulo', day: '2018-11-04', times: ['00:00', '00:30', '01:00', '09:00', '23:30'] },
  { zone: 'America/Sao_Paulo', day: '2019-02-16', times: ['00:00', '09:00', '23:00', '23:30'] },
  { zone: 'Europe/Lisbon', day: '2026-03-29', times: ['00:00', '01:00', '01:30', '09:00'] },
  { zone: 'Europe/Lisbon', day: '2026-10-25', times: ['00:00', '01:00', '01:30', '09:00'] },
  { zone: 'America/New_York', day: '2026-03-08', times: ['02:00', '02:30', '09:00'] },
  { zone: 'America/New_York', day: '2026-11-01', times: ['01:00', '01:30', '09:00'] },
  // Lord Howe moves its clocks by 30 minutes.
  { zone: 'Australia/Lord_Howe', day: '2026-04-05', times: ['01:30', '01:45', '09:00'] },
  { zone: 'Australia/Lord_Howe', day: '2026-10-04', times: ['02:00', '02:15', '09:00'] },
];

describe('a cron ticking every minute for ±10 days around DST changes', () => {
  for (const { zone, day, times } of transitions) {
    for (const timeOfDay of times) {
      it(`posts exactly once per local day in ${zone} around ${day} at ${timeOfDay}`, () => {
        const from = zonedInstant(addDays(day, -10), '12:00', zone);
        const to = zonedInstant(addDays(day, 10), '12:00', zone);
        const { posts, secondPostsOnADay } = simulateCron({ zone, timeOfDay, from, to });
        expect(secondPostsOnADay).toBe(0);
        const days = fullLocalDays(zone, from, to);
        expect(days.length).toBeGreaterThanOrEqual(19);
        for (const date of days) {
          const postedAt = posts.get(date);
          expect(postedAt, `no post on ${date}`).toBeDefined();
          if (postedAt === undefined) continue;
          // On time: at the first tick at or after the slot, and on the day it belongs to.
          expect(postedAt).toBe(dailySlotInstant(date, zone, timeOfDay));
          expect(postedAt).toBe(zonedInstant(date, timeOfDay, zone));
          expect(localDateOf(postedAt, zone)).toBe(date);
        }
        for (const [date, postedAt] of posts) expect(localDateOf(postedAt, zone)).toBe(date);
        // Remembering only the last posted date gives the same posts.
        expect(simulateCronWithLastPosted({ zone, timeOfDay, from, to })).toEqual(
          [...posts].map(([date, instant]) => ({ date, at: instant })),
        );
      });
    }
  }

  it('posts a time that falls in the gap just after it (Lisbon 01:30 → 02:30 on 2026-03-29)', () => {
    const from = at('2026-03-28T12:00Z');
    const { posts } = simulateCron({ zone: 'Europe/Lisbon', timeOfDay: '01:30', from, to: from + 2 * DAY });
    expect(localTimeOf(posts.get('2026-03-29')!, 'Europe/Lisbon')).toBe('02:30');
  });

  it('posts a time that occurs twice only the first time (Lisbon 01:30 on 2026-10-25)', () => {
    const from = at('2026-10-24T12:00Z');
    const { posts } = simulateCron({ zone: 'Europe/Lisbon', timeOfDay: '01:30', from, to: from + 2 * DAY });
    expect(posts.get('2026-10-25')).toBe(at('2026-10-25T00:30Z'));
  });

  it('posts 00:30 on the day Brazil skipped midnight at 01:30', () => {
    const from = at('2018-11-03T12:00Z');
    const { posts } = simulateCron({
      zone: 'America/Sao_Paulo',
      timeOfDay: '00:30',
      from,
      to: from + 2 * DAY,
    });
    expect(localTimeOf(posts.get('2018-11-04')!, 'America/Sao_Paulo')).toBe('01:30');
  });
});

describe('a bot that was down', () => {
  const zone = 'America/Sao_Paulo';
  const from = zonedInstant('2026-11-20', '00:00', zone);
  const to = zonedInstant('2026-11-30', '00:00', zone);

  it('posts once when it is back the same day (down 09:00–11:00, post time 09:00)', () => {
    const down: [number, number][] = [
      [zonedInstant('2026-11-25', '09:00', zone), zonedInstant('2026-11-25', '11:00', zone)],
    ];
    const { posts, secondPostsOnADay } = simulateCron({ zone, timeOfDay: '09:00', from, to, down });
    expect(secondPostsOnADay).toBe(0);
    expect(localTimeOf(posts.get('2026-11-25')!, zone)).toBe('11:00');
    expect(localTimeOf(posts.get('2026-11-24')!, zone)).toBe('09:00');
    expect(localTimeOf(posts.get('2026-11-26')!, zone)).toBe('09:00');
    expect(posts.size).toBe(10);
  });

  it('does not post again after a restart later the same day', () => {
    const down: [number, number][] = [
      [zonedInstant('2026-11-25', '10:00', zone), zonedInstant('2026-11-25', '10:05', zone)],
    ];
    const { posts } = simulateCron({ zone, timeOfDay: '09:00', from, to, down });
    expect(localTimeOf(posts.get('2026-11-25')!, zone)).toBe('09:00');
    expect(simulateCronWithLastPosted({ zone, timeOfDay: '09:00', from, to, down })).toHaveLength(10);
  });

  it('skips a day it was down for entirely, and posts normally the next day', () => {
    const down: [number, number][] = [
      [zonedInstant('2026-11-25', '08:00', zone), zonedInstant('2026-11-26', '08:00', zone)],
    ];
    const { posts } = simulateCron({ zone, timeOfDay: '09:00', from, to, down });
    expect(posts.has('2026-11-25')).toBe(false);
    expect(localTimeOf(posts.get('2026-11-26')!, zone)).toBe('09:00');
    expect(posts.size).toBe(9);
  });

  it('makes up a missed post across a DST change (Lisbon down 00:00–03:00 on 2026-03-29, post at 01:30)', () => {
    const lisbon = 'Europe/Lisbon';
    const down: [number, number][] = [
      [zonedInstant('2026-03-29', '00:00', lisbon), zonedInstant('2026-03-29', '03:00', lisbon)],
    ];
    const start = zonedInstant('2026-03-28', '00:00', lisbon);
    const { posts } = simulateCron({
      zone: lisbon,
      timeOfDay: '01:30',
      from: start,
      to: start + 3 * DAY,
      down,
    });
    expect(localTimeOf(posts.get('2026-03-29')!, lisbon)).toBe('03:00');
    expect(posts.size).toBe(3);
  });
});

describe('dueLocalDate', () => {
  const zone = 'America/Sao_Paulo';

  it('is null before the slot and today from the slot to the end of the local day', () => {
    expect(dueLocalDate(zonedInstant('2026-11-27', '08:59', zone), zone, '09:00')).toBeNull();
    expect(dueLocalDate(zonedInstant('2026-11-27', '09:00', zone), zone, '09:00')).toBe('2026-11-27');
    expect(dueLocalDate(zonedInstant('2026-11-27', '23:59', zone), zone, '09:00')).toBe('2026-11-27');
    expect(dueLocalDate(zonedInstant('2026-11-28', '00:00', zone), zone, '09:00')).toBeNull();
  });

  it('compares instants, so a slot in a DST overlap is due from its first occurrence', () => {
    const firstOccurrence = at('2026-10-25T00:30Z');
    expect(dueLocalDate(firstOccurrence - MINUTE, 'Europe/Lisbon', '01:30')).toBeNull();
    expect(dueLocalDate(firstOccurrence, 'Europe/Lisbon', '01:30')).toBe('2026-10-25');
    // At 01:00 the second time round the wall clock reads before 01:30, but the slot has passed.
    expect(dueLocalDate(at('2026-10-25T01:00Z'), 'Europe/Lisbon', '01:30')).toBe('2026-10-25');
  });

  it('accepts a one-digit hour', () => {
    expect(dueLocalDate(zonedInstant('2026-11-27', '09:00', zone), zone, '9:00')).toBe('2026-11-27');
  });
});

describe('localDateToPost', () => {
  const zone = 'America/Sao_Paulo';
  const tenAm = zonedInstant('2026-11-27', '10:00', zone);

  it('is the due date unless that date or a later one is already posted', () => {
    expect(localDateToPost(tenAm, zone, '09:00', null)).toBe('2026-11-27');
    expect(localDateToPost(tenAm, zone, '09:00', '2026-11-26')).toBe('2026-11-27');
    expect(localDateToPost(tenAm, zone, '09:00', '2026-11-27')).toBeNull();
    expect(localDateToPost(tenAm, zone, '11:00', '2026-11-26')).toBeNull();
  });

  it('does not post a date again after the server moves its zone westwards', () => {
    // Tokyo has already posted 28 Nov; São Paulo is still on 27 Nov.
    const now = at('2026-11-27T23:00Z');
    expect(localDateOf(now, 'Asia/Tokyo')).toBe('2026-11-28');
    expect(localDateToPost(now, zone, '09:00', '2026-11-28')).toBeNull();
  });
});

describe('nextPostInstant', () => {
  const zone = 'America/Sao_Paulo';
  const slot = zonedInstant('2026-11-27', '09:00', zone);

  it("is today's slot when today is not posted and the slot is ahead", () => {
    expect(nextPostInstant(slot - MINUTE, zone, '09:00', '2026-11-26')).toBe(slot);
    expect(nextPostInstant(slot - MINUTE, zone, '09:00', null)).toBe(slot);
  });

  it('is now when today is not posted and the slot has passed (due)', () => {
    expect(nextPostInstant(slot, zone, '09:00', '2026-11-26')).toBe(slot);
    expect(nextPostInstant(slot + 90 * MINUTE, zone, '09:00', null)).toBe(slot + 90 * MINUTE);
  });

  it("is tomorrow's slot once today is posted", () => {
    expect(nextPostInstant(slot + MINUTE, zone, '09:00', '2026-11-27')).toBe(
      zonedInstant('2026-11-28', '09:00', zone),
    );
  });

  it('is the day after the last posted date if that date is ahead of today', () => {
    expect(nextPostInstant(slot, zone, '09:00', '2026-11-28')).toBe(
      zonedInstant('2026-11-29', '09:00', zone),
    );
  });

  it("uses tomorrow's DST rules (Lisbon: 01:30 on 2026-03-29 is 02:30 summer time)", () => {
    const now = zonedInstant('2026-03-28', '12:00', 'Europe/Lisbon');
    const next = nextPostInstant(now, 'Europe/Lisbon', '01:30', '2026-03-28');
    expect(next).toBe(at('2026-03-29T01:30Z'));
    expect(next - now).toBe(13.5 * 3_600_000);
  });
});

describe('dailySlotInstant', () => {
  it('is the zoned instant of the time on that date', () => {
    expect(dailySlotInstant('2026-11-27', 'America/Sao_Paulo', '09:00')).toBe(at('2026-11-27T12:00Z'));
    expect(dailySlotInstant('2026-03-29', 'Europe/Lisbon', '01:30')).toBe(at('2026-03-29T01:30Z'));
  });

  it("is the day's last minute when the time is in a gap that runs to midnight", () => {
    // Nuuk (listed by old ICU as America/Godthab) jumped from 23:00 to 00:00 on 2026-03-28.
    for (const zone of ['America/Godthab', 'America/Nuuk']) {
      const slot = dailySlotInstant('2026-03-28', zone, '23:30');
      expect(localDateOf(slot, zone)).toBe('2026-03-28');
      expect(localTimeOf(slot, zone)).toBe('22:59');
    }
    // Pyongyang jumped from 23:30 to 00:00 on 2018-05-04.
    expect(localTimeOf(dailySlotInstant('2018-05-04', 'Asia/Pyongyang', '23:45'), 'Asia/Pyongyang')).toBe(
      '23:29',
    );
  });

  it('posts once on such a day, in its last minute', () => {
    const zone = 'America/Godthab';
    const from = zonedInstant('2026-03-25', '12:00', zone);
    const { posts, secondPostsOnADay } = simulateCron({ zone, timeOfDay: '23:30', from, to: from + 6 * DAY });
    expect(secondPostsOnADay).toBe(0);
    expect(localTimeOf(posts.get('2026-03-28')!, zone)).toBe('22:59');
    expect(localTimeOf(posts.get('2026-03-29')!, zone)).toBe('23:30');
    expect(posts.size).toBe(6);
  });
});

describe('every zone Intl knows', () => {
  it("puts each day's slot on that day, for every half hour around each UTC-offset change of 2018 and 2026", () => {
    const problems: string[] = [];
    const times = Array.from(
      { length: 48 },
      (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
    );
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      for (const year of [2018, 2026]) {
        const changeDays = new Set<string>();
        let previousOffset: number | undefined;
        for (let day = `${year}-01-01`; day < `${year + 1}-01-01`; day = addDays(day, 1)) {
          const offset = offsetAt(Date.parse(`${day}T12:00Z`), zone);
          if (previousOffset !== undefined && offset !== previousOffset) {
            for (const near of [-1, 0, 1]) changeDays.add(addDays(day, near));
          }
          previousOffset = offset;
        }
        for (const date of changeDays) {
          const endOfDay = startOfLocalDay(addDays(date, 1), zone);
          for (const time of times) {
            const slot = dailySlotInstant(date, zone, time);
            // On its own day, with at least one whole minute left for a cron tick.
            if (localDateOf(slot, zone) !== date || endOfDay - slot < MINUTE)
              problems.push(`${zone} ${date} ${time}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
