import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnswerStore } from '../../src/answers/answer-store';
import { createStores } from '../../src/app/stores';
import { closeDatabase, openDatabase, type Db } from '../../src/db/database';
import { guilds } from '../../src/db/schema';
import { seededRandom } from '../../src/deck/random';
import {
  nothingSwitched,
  rebuildStandingsInSlices,
  yieldToEventLoop,
  type Pause,
} from '../../src/leaderboard/sliced-rebuild';
import { StandingsRebuilder } from '../../src/leaderboard/standings-rebuilder';
import { openOtherShardWriter } from '../support/other-shard-writer';
import { seedAnswer, seedGuild } from '../support/seed-answers';
import { allStandings, standingsFromScratch } from '../support/standings-rows';
import { steppedPause } from '../support/stepped-pause';
import { createTempDb } from '../support/temp-db';

const TOPICS = ['Machine Learning', 'IAM', 'Bedrock', 'Embeddings'];
const KINDS = ['round', 'round', 'round', 'daily', 'practice', 'mock'] as const;

const zoneOf = (db: Db, guildId = 'g1') =>
  db.select({ zone: guilds.timezone }).from(guilds).where(eq(guilds.id, guildId)).get()?.zone;

/** The rows readers and the click path use: all-time ones and those of the zone the server has now. */
const visibleStandings = (db: Db) => allStandings(db).filter((r) => r.zone === '' || r.zone === zoneOf(db));
const rowsInZone = (db: Db, zone: string) => allStandings(db).filter((r) => r.zone === zone).length;

/** Answers around Lisbon's DST changes and month ends, in g1; one in 'other'. */
function seedMixed(db: Db, count: number, seed = '11'): void {
  const data = { db, stores: { answers: createAnswerStore(db) } };
  const random = seededRandom(seed);
  const edges = [
    Date.UTC(2026, 9, 25, 0, 30),
    Date.UTC(2026, 9, 25, 1, 30),
    Date.UTC(2026, 9, 31, 23, 59),
    Date.UTC(2026, 10, 1, 0, 0),
    Date.UTC(2026, 10, 30, 2, 30), // Monday UTC, still Sunday in São Paulo
    Date.UTC(2026, 2, 29, 0, 59),
  ];
  const start = Date.UTC(2026, 2, 1);
  const span = Date.UTC(2026, 11, 31) - start;
  for (let i = 0; i < count; i += 1) {
    const correct = random() < 0.6;
    seedAnswer(data, {
      userId: `u${Math.floor(random() * 9)}`,
      correct,
      points: correct ? Math.floor(random() * 1000) : 0,
      topic: TOPICS[Math.floor(random() * TOPICS.length)]!,
      domain: 1 + Math.floor(random() * 5),
      kind: KINDS[Math.floor(random() * KINDS.length)]!,
      answeredAt: edges[i] ?? start + Math.floor(random() * span),
    });
  }
  seedAnswer(data, { guildId: 'other', userId: 'u1', answeredAt: start });
}

/** Before each test of the block: a fresh file with g1 in Lisbon and 'other' in UTC, removed after it. */
function freshServersEach(use: (temp: ReturnType<typeof createTempDb>) => void): void {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
    seedGuild(temp.db, 'Europe/Lisbon');
    seedGuild(temp.db, 'UTC', 'other');
    use(temp);
  });
  afterEach(() => temp.cleanup());
}

describe('rebuildStandingsInSlices', () => {
  let temp: ReturnType<typeof createTempDb>;
  freshServersEach((fresh) => (temp = fresh));

  it('gives exactly what the from-scratch rebuild gives in the new zone, and stores the zone', async () => {
    seedMixed(temp.db, 500);
    const other = allStandings(temp.db, 'other');
    const before = allStandings(temp.db);
    const result = await rebuildStandingsInSlices(temp, 'g1', {
      timeZone: 'America/Sao_Paulo',
      sliceSize: 37,
    });
    expect(result.slices).toBeGreaterThan(10);
    expect(zoneOf(temp.db)).toBe('America/Sao_Paulo');
    const after = allStandings(temp.db);
    expect(after).toEqual(standingsFromScratch(temp.db));
    // The zone change did move answers between weeks (else this test would prove little).
    expect(after).not.toEqual(before);
    // All-time rows do not depend on the zone.
    expect(after.filter((r) => r.periodKind === 'all')).toEqual(before.filter((r) => r.periodKind === 'all'));
    expect(allStandings(temp.db, 'other')).toEqual(other);
  });

  it('keeps the old zone and standings until the switch, and counts answers recorded meanwhile once', async () => {
    seedMixed(temp.db, 300);
    const before = allStandings(temp.db);
    const stepper = steppedPause();
    const rebuild = rebuildStandingsInSlices(temp, 'g1', {
      timeZone: 'America/Sao_Paulo',
      sliceSize: 50,
      pause: stepper.pause,
    });
    await stepper.next();
    expect(zoneOf(temp.db)).toBe('Europe/Lisbon');
    expect(allStandings(temp.db)).toEqual(before);

    // Recorded mid-rebuild by the click path, into the old (Lisbon) periods.
    seedAnswer(temp, { userId: 'late', points: 700, answeredAt: Date.UTC(2026, 10, 30, 2, 30) });
    const lisbonWeek = allStandings(temp.db).filter((r) => r.userId === 'late' && r.periodKind === 'week');
    expect(lisbonWeek.map((r) => r.periodKey)).toEqual(['2026-W49', '2026-W49', '2026-W49']);
    stepper.resume();
    await stepper.next();
    seedAnswer(temp, { userId: 'late', points: 50, answeredAt: Date.UTC(2026, 10, 29, 12) });
    // One more answer at every later pause, through every phase, on both sides of the week edge the
    // zone change moves; at the pauses the leaderboard is exactly what the stored zone gives from
    // scratch (the old one until the switch), whatever of the new zone's rows is written beside it.
    let clicks = 0;
    let pausesWithNewRows = 0;
    let checks = 0;
    for (;;) {
      const switched = zoneOf(temp.db) === 'America/Sao_Paulo';
      if (!switched && rowsInZone(temp.db, 'America/Sao_Paulo') > 0) pausesWithNewRows += 1;
      // From scratch is slow: every few pauses, and always at the first ones with new rows.
      if (clicks % 7 === 0 || pausesWithNewRows === 1) {
        checks += 1;
        expect(visibleStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
      }
      clicks += 1;
      seedAnswer(temp, {
        userId: `clicker${clicks % 3}`,
        points: clicks,
        answeredAt: Date.UTC(2026, 10, 30, clicks % 2 ? 1 : 4, 30),
      });
      stepper.resume();
      const finished = await Promise.race([rebuild.then(() => true), stepper.next().then(() => false)]);
      if (finished) break;
    }

    expect(clicks).toBeGreaterThan(5);
    expect(pausesWithNewRows).toBeGreaterThan(3);
    expect(checks).toBeGreaterThan(3);
    expect(rowsInZone(temp.db, 'Europe/Lisbon')).toBe(0); // the old zone's rows are gone
    const after = allStandings(temp.db);
    expect(after).toEqual(standingsFromScratch(temp.db));
    const late = after.filter((r) => r.userId === 'late' && r.scope === '');
    expect(late).toEqual([
      expect.objectContaining({ periodKind: 'all', answered: 2, points: 750 }),
      expect.objectContaining({ periodKind: 'month', periodKey: '2026-11', answered: 2, points: 750 }),
      expect.objectContaining({ periodKind: 'week', periodKey: '2026-W48', answered: 2, points: 750 }),
    ]);
    // And the click path goes on in the new zone.
    seedAnswer(temp, { userId: 'late', points: 1, answeredAt: Date.UTC(2026, 10, 30, 2, 45) });
    expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
  });

  it("holds the write lock from a slice's first read: a commit by another connection waits, and the slice goes on", async () => {
    seedMixed(temp.db, 120);
    const otherShard = openOtherShardWriter(temp.path);
    try {
      // The first catch-up slice (step 3) reads the answers since the snapshot, then writes their rows:
      // another connection (the answer thread, a shard) tries to commit in between.
      const attempts: (string | null)[] = [];
      const rebuild = temp.stores.rebuild;
      const hooked = {
        ...rebuild,
        answersInIdRange: (...args: Parameters<typeof rebuild.answersInIdRange>) => {
          const rows = rebuild.answersInIdRange(...args);
          if (attempts.length === 0 && rows.length > 0) attempts.push(otherShard.tryWrite());
          return rows;
        },
      };
      let pauses = 0;
      const result = await rebuildStandingsInSlices({ db: temp.db, stores: { rebuild: hooked } }, 'g1', {
        timeZone: 'America/Sao_Paulo',
        sliceSize: 8,
        // Answers keep arriving, so the rebuild has answers to catch up with after its snapshot.
        pause: async () => {
          pauses += 1;
          if (pauses % 2 === 0)
            seedAnswer(temp, { userId: `m${pauses}`, points: 10, answeredAt: Date.UTC(2026, 10, 30, 12) });
          await yieldToEventLoop();
        },
      });
      expect(attempts).toEqual(['SQLITE_BUSY']);
      expect(result.slices).toBeGreaterThan(0);
      expect(zoneOf(temp.db)).toBe('America/Sao_Paulo');
      expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
      expect(otherShard.tryWrite()).toBeNull();
    } finally {
      otherShard.close();
    }
  });

  it('waits for a lock another connection holds on the event loop: that connection can finish and let go', async () => {
    seedMixed(temp.db, 120);
    const otherShard = openOtherShardWriter(temp.path);
    try {
      let pauses = 0;
      let released = 0;
      let held = false;
      const result = await rebuildStandingsInSlices(temp, 'g1', {
        timeZone: 'America/Sao_Paulo',
        sliceSize: 8,
        // Now and then another shard takes the write lock and lets it go from a timer: a slice that
        // waited for it in SQLite's busy handler would hold the event loop, the timer would not fire
        // and the slice would fail with SQLITE_BUSY after busy_timeout.
        pause: async () => {
          pauses += 1;
          if (pauses % 5 === 0 && !held) {
            const lock = otherShard.holdWriteLock();
            held = true;
            setTimeout(() => {
              lock.release();
              held = false;
              released += 1;
            }, 5);
          }
          await yieldToEventLoop();
        },
      });
      expect(released).toBeGreaterThan(2);
      expect(result.slices).toBe(pauses);
      expect(zoneOf(temp.db)).toBe('America/Sao_Paulo');
      expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
    } finally {
      otherShard.close();
    }
  });

  it('sizes its pages of answers to the slice budget, and a slow page reads no answer twice', async () => {
    seedGuild(temp.db, 'UTC');
    const count = 600;
    for (let i = 0; i < count; i += 1) {
      // One week and one month of the new zone: each answer is read by one week run and one month run.
      seedAnswer(temp, { userId: `u${i % 7}`, answeredAt: Date.UTC(2026, 10, 10, 12) + i * 60_000 });
    }
    const pages: { limit: number; read: number }[] = [];
    const rebuild = temp.stores.rebuild;
    const slowRead = {
      ...rebuild,
      // Every answer costs at least 0.2 ms to read, as on a page cache another connection just dropped.
      answersInSpan: (...args: Parameters<typeof rebuild.answersInSpan>) => {
        const page = rebuild.answersInSpan(...args);
        const until = performance.now() + 0.2 * page.length;
        while (performance.now() < until);
        pages.push({ limit: args[3], read: page.length });
        return page;
      },
    };
    await rebuildStandingsInSlices({ db: temp.db, stores: { rebuild: slowRead } }, 'g1', {
      timeZone: 'America/Sao_Paulo',
      sliceSize: 64,
      sliceBudgetMs: 10,
    });
    const limits = pages.map((page) => page.limit);
    // The first page is small, to measure; then no page is planned past 10 ms (50 answers at 0.2 ms).
    expect(limits[0]).toBe(16);
    expect(Math.max(...limits.slice(1))).toBeLessThanOrEqual(50);
    expect(Math.max(...limits)).toBeGreaterThan(16);
    // Read once per run each, although every read is slow: a page is summed in full before the budget
    // counts, so the next page starts after it.
    expect(pages.reduce((sum, page) => sum + page.read, 0)).toBe(2 * count);
    expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
  });

  it('leaves the old standings and zone intact when it fails before the switch', async () => {
    seedMixed(temp.db, 200);
    const before = allStandings(temp.db);
    // Fails once some of the new zone's rows are written.
    const failing: Pause = async () => {
      if (rowsInZone(temp.db, 'America/Sao_Paulo') > 30) throw new Error('disk on fire');
    };
    await expect(
      rebuildStandingsInSlices(temp, 'g1', {
        timeZone: 'America/Sao_Paulo',
        sliceSize: 20,
        pause: failing,
      }),
    ).rejects.toThrow('disk on fire');
    expect(zoneOf(temp.db)).toBe('Europe/Lisbon');
    expect(allStandings(temp.db)).toEqual(before);
    expect(before).toEqual(standingsFromScratch(temp.db));
  });

  it('of two rebuilds run side by side outside the queue, the one switching second fails and changes nothing', async () => {
    seedMixed(temp.db, 200);
    const first = rebuildStandingsInSlices(temp, 'g1', { timeZone: 'America/Sao_Paulo', sliceSize: 15 });
    const second = rebuildStandingsInSlices(temp, 'g1', { timeZone: 'Asia/Tokyo', sliceSize: 40 });
    const [a, b] = await Promise.allSettled([first, second]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('fulfilled');
    expect(String((a as PromiseRejectedResult).reason)).toContain('changed during the rebuild');
    expect(zoneOf(temp.db)).toBe('Asia/Tokyo');
    expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
  });

  it('rejects an unknown server without touching anything', async () => {
    await expect(rebuildStandingsInSlices(temp, 'nobody', { timeZone: 'UTC' })).rejects.toThrow(
      'unknown guild nobody',
    );
  });

  it("works on a ':memory:' database", async () => {
    const db = openDatabase(':memory:');
    try {
      seedGuild(db, 'UTC');
      seedGuild(db, 'UTC', 'other');
      seedMixed(db, 120);
      await rebuildStandingsInSlices({ db, stores: createStores(db) }, 'g1', {
        timeZone: 'Asia/Kathmandu',
        sliceSize: 16,
      });
      expect(zoneOf(db)).toBe('Asia/Kathmandu');
      expect(allStandings(db)).toEqual(standingsFromScratch(db));
    } finally {
      closeDatabase(db);
    }
  });
});

describe('StandingsRebuilder', () => {
  let temp: ReturnType<typeof createTempDb>;
  freshServersEach((fresh) => (temp = fresh));

  it("runs a server's second switch after the first, never interleaved", async () => {
    seedMixed(temp.db, 200);
    const events: string[] = [];
    const labelled =
      (label: string): Pause =>
      async () => {
        events.push(label);
        await new Promise((resolve) => setImmediate(resolve));
      };
    const rebuilder = new StandingsRebuilder(temp);
    const first = rebuilder.switchTimeZone('g1', 'America/Sao_Paulo', {
      sliceSize: 25,
      pause: labelled('A'),
    });
    const second = rebuilder.switchTimeZone('g1', 'Asia/Tokyo', { sliceSize: 25, pause: labelled('B') });
    const [a, b] = await Promise.all([first, second]);
    expect(a.slices).toBeGreaterThan(1);
    expect(b.slices).toBeGreaterThan(1);
    expect(events.join('')).toMatch(/^A+B+$/);
    expect(zoneOf(temp.db)).toBe('Asia/Tokyo');
    expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
  });

  it('a failed switch does not block the next one, and a switch to the zone already stored does nothing', async () => {
    seedMixed(temp.db, 100);
    const rebuilder = new StandingsRebuilder(temp);
    const failing = rebuilder.switchTimeZone('g1', 'America/Sao_Paulo', {
      sliceSize: 10,
      pause: () => Promise.reject(new Error('boom')),
    });
    const next = rebuilder.switchTimeZone('g1', 'Asia/Tokyo', { sliceSize: 10 });
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toMatchObject({ slices: expect.any(Number) });
    expect(zoneOf(temp.db)).toBe('Asia/Tokyo');
    await expect(rebuilder.switchTimeZone('g1', 'Asia/Tokyo')).resolves.toEqual(nothingSwitched());
    await rebuilder.settled();
    expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
  });
});
