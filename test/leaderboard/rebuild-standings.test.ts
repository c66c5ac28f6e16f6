import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guilds } from '../../src/db/schema';
import { periodRuns } from '../../src/leaderboard/period-runs';
import { periodKeysAt } from '../../src/answers/period-keys';
import { rebuildStandings } from '../../src/leaderboard/rebuild-standings';
import { createTempDb } from '../support/temp-db';
import { seedAnswer, seedGuild } from '../support/seed-answers';
import { allStandings, weekKeysOf } from '../support/standings-rows';
import { seededRandom } from '../../src/deck/random';

const TOPICS = ['Machine Learning', 'IAM', 'Bedrock', 'Embeddings'];

describe('rebuildStandings', () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
  });
  afterEach(() => temp.cleanup());

  it('reproduces exactly what recordAnswer built, across DST and week/month edges (Europe/Lisbon)', () => {
    seedGuild(temp.db, 'Europe/Lisbon');
    seedGuild(temp.db, 'UTC', 'other');
    const random = seededRandom('7');
    const edges = [
      Date.UTC(2026, 9, 25, 0, 30), // DST ends in Lisbon that night (01:30 and 01:30 again)
      Date.UTC(2026, 9, 25, 1, 30),
      Date.UTC(2026, 9, 31, 23, 59), // Sat 31 Oct 23:59 UTC = local 23:59 (WET), still October
      Date.UTC(2026, 10, 1, 0, 0),
      Date.UTC(2026, 10, 29, 23, 59, 59, 999), // Sunday night
      Date.UTC(2026, 10, 30, 0, 0),
      Date.UTC(2026, 2, 29, 0, 59), // DST starts in March
      Date.UTC(2026, 2, 29, 1, 0),
    ];
    const start = Date.UTC(2026, 2, 1);
    const span = Date.UTC(2026, 11, 31) - start;
    for (let i = 0; i < 600; i += 1) {
      const correct = random() < 0.6;
      seedAnswer(temp, {
        userId: `u${Math.floor(random() * 12)}`,
        correct,
        points: correct ? Math.floor(random() * 1000) : 0,
        topic: TOPICS[Math.floor(random() * TOPICS.length)]!,
        domain: 1 + Math.floor(random() * 5),
        kind: random() < 0.7 ? 'round' : random() < 0.5 ? 'daily' : 'practice',
        answeredAt: edges[i] ?? start + Math.floor(random() * span),
      });
    }
    seedAnswer(temp, { guildId: 'other', userId: 'u1', answeredAt: start });
    const incremental = allStandings(temp.db);
    const otherBefore = allStandings(temp.db, 'other');

    expect(rebuildStandings(temp.db, 'g1')).toBe(incremental.length);
    expect(allStandings(temp.db)).toEqual(incremental);
    expect(allStandings(temp.db, 'other')).toEqual(otherBefore);
  });

  it('moves answers to their new local week after a time zone change', () => {
    seedGuild(temp.db, 'UTC');
    // Monday 02:30 UTC is still Sunday 23:30 in São Paulo.
    seedAnswer(temp, { userId: 'late', answeredAt: Date.UTC(2026, 10, 30, 2, 30) });
    const weekOf = (userId: string) => weekKeysOf(temp.db, userId);
    expect(weekOf('late')).toEqual(['2026-W49']);

    temp.db.update(guilds).set({ timezone: 'America/Sao_Paulo' }).where(eq(guilds.id, 'g1')).run();
    rebuildStandings(temp.db, 'g1');
    expect(weekOf('late')).toEqual(['2026-W48']);
    // A later answer recorded incrementally lands in the same rows the rebuild made.
    seedAnswer(temp, { userId: 'late', answeredAt: Date.UTC(2026, 10, 29, 15) });
    const rows = allStandings(temp.db).filter((r) => r.periodKind === 'week' && r.scope === '');
    expect(rows).toEqual([expect.objectContaining({ periodKey: '2026-W48', answered: 2, points: 200 })]);
  });

  it("runs inside the caller's transaction, so a time zone change and its rebuild land together", () => {
    seedGuild(temp.db, 'UTC');
    seedAnswer(temp, { userId: 'late', answeredAt: Date.UTC(2026, 10, 30, 2, 30) });
    const changeZone = (timeZone: string, fail: boolean) =>
      temp.db.$client.transaction(() => {
        temp.db.update(guilds).set({ timezone: timeZone }).where(eq(guilds.id, 'g1')).run();
        rebuildStandings(temp.db, 'g1');
        if (fail) throw new Error('later step failed');
      })();
    const weekKeys = () =>
      allStandings(temp.db)
        .filter((r) => r.periodKind === 'week')
        .map((r) => r.periodKey);
    expect(() => changeZone('America/Sao_Paulo', true)).toThrow('later step failed');
    expect(weekKeys()).toEqual(['2026-W49', '2026-W49', '2026-W49']);
    changeZone('America/Sao_Paulo', false);
    expect(weekKeys()).toEqual(['2026-W48', '2026-W48', '2026-W48']);
  });

  it('empties the standings of a server without answers', () => {
    seedGuild(temp.db, 'UTC');
    expect(rebuildStandings(temp.db, 'g1')).toBe(0);
  });
});

describe('periodRuns', () => {
  it('agrees with periodKeysAt on every quarter hour, including a DST fall-back at midnight', () => {
    // Until 2019 São Paulo left DST at midnight: 2018-02-18 00:00 went back to 2018-02-17 23:00.
    const zones = ['America/Sao_Paulo', 'Europe/Lisbon', 'Asia/Kathmandu'];
    for (const zone of zones) {
      const from = Date.UTC(2018, 1, 10);
      const to = Date.UTC(2018, 2, 10);
      const runs = periodRuns(from, to, zone);
      for (let t = from; t <= to; t += 15 * 60_000) {
        const keys = periodKeysAt(t, zone);
        const week = runs.find((r) => r.kind === 'week' && r.startMs <= t && t < r.endMs);
        const month = runs.find((r) => r.kind === 'month' && r.startMs <= t && t < r.endMs);
        expect([week?.key, month?.key]).toEqual([keys.week, keys.month]);
      }
    }
  });
});
