import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeDailySettings } from '../../src/config/daily-settings';
import type { Db } from '../../src/db/database';
import { guilds } from '../../src/db/schema';
import { startWalCheckpointer } from '../../src/db/wal-checkpointer';
import { seededRandom } from '../../src/deck/random';
import { rebuildOnThread, type RebuildRunner } from '../../src/leaderboard/rebuild-thread';
import { RebuildStopped, rebuildStandingsInSlices } from '../../src/leaderboard/sliced-rebuild';
import { StandingsRebuilder } from '../../src/leaderboard/standings-rebuilder';
import { projectPath } from '../../src/shared/project-root';
import { findWorker, type WorkerLocation } from '../../src/shared/worker-thread';
import { captureLogs } from '../support/log-capture';
import { seedAnswer, seedGuild } from '../support/seed-answers';
import { allStandings, standingsFromScratch } from '../support/standings-rows';
import { createTempDb, type TempDb } from '../support/temp-db';

const LISBON = 'Europe/Lisbon';
const SAO_PAULO = 'America/Sao_Paulo';

const testWorker = (name: string): WorkerLocation => ({
  file: projectPath('test', 'support', `${name}.mjs`),
  typescript: false,
});

const settingsOf = (db: Db, guildId = 'g1') =>
  db
    .select({ zone: guilds.timezone, pending: guilds.pendingTimezone })
    .from(guilds)
    .where(eq(guilds.id, guildId))
    .get();

/** Answers over 2026 in g1, a third on Monday 02:00 UTC (still Sunday in São Paulo, so weeks move). */
function seedYear(temp: TempDb, count: number, seed = 'thread'): void {
  const random = seededRandom(seed);
  const start = Date.UTC(2026, 0, 5);
  temp.db.$client.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const answeredAt =
        i % 3 === 0
          ? start + Math.floor(random() * 50) * 7 * 86_400_000 + 2 * 3_600_000
          : start + Math.floor(random() * 350 * 86_400_000);
      seedAnswer(temp, {
        userId: `u${i % 7}`,
        points: 10 + (i % 90),
        topic: i % 2 ? 'Bedrock' : 'IAM',
        answeredAt,
      });
    }
  })();
}

/** Fails the test if the switch runs in this thread. */
const notInProcess: RebuildRunner = () => Promise.reject(new Error('the switch ran in-process'));

describe('rebuildOnThread (a time-zone switch on a thread of its own)', () => {
  let temp: TempDb;
  beforeEach(() => {
    temp = createTempDb();
    seedGuild(temp.db, LISBON);
    seedGuild(temp.db, 'UTC', 'other');
    seedAnswer(temp, { guildId: 'other', userId: 'u1', answeredAt: Date.UTC(2026, 3, 6, 2) });
  });
  afterEach(() => temp.cleanup());

  it('builds on its own connection exactly what the from-scratch rebuild gives, and stores the zone', async () => {
    seedYear(temp, 600);
    const before = allStandings(temp.db);
    const other = allStandings(temp.db, 'other');
    const run = rebuildOnThread({ path: temp.path, logger: captureLogs().logger, inProcess: notInProcess });
    const result = await run('g1', { timeZone: SAO_PAULO, sliceSize: 40 });
    expect(result.slices).toBeGreaterThan(10);
    expect(result.answers).toBe(600);
    expect(result.longestSliceMs).toBeGreaterThan(0);
    expect(settingsOf(temp.db)?.zone).toBe(SAO_PAULO);
    const after = allStandings(temp.db);
    expect(after).toEqual(standingsFromScratch(temp.db));
    expect(after).not.toEqual(before); // the switch moved answers between weeks
    expect(allStandings(temp.db, 'other')).toEqual(other);
  });

  it('counts once each answer this thread records while the switch runs there', async () => {
    seedYear(temp, 600);
    const run = rebuildOnThread({ path: temp.path, logger: captureLogs().logger, inProcess: notInProcess });
    let ended = false;
    const switched = run('g1', { timeZone: SAO_PAULO, sliceSize: 20 }).finally(() => (ended = true));
    // The event loop is free meanwhile: clicks land between the thread's slices, in whichever zone is current.
    let during = 0;
    for (let i = 0; !ended && i < 5000; i += 1) {
      seedAnswer(temp, { userId: `late${i % 3}`, points: 500, answeredAt: Date.UTC(2026, 10, 30, 2, 30) });
      during += 1;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await switched;
    expect(during).toBeGreaterThan(0);
    expect(settingsOf(temp.db)?.zone).toBe(SAO_PAULO);
    expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
  });

  it('stopped by its signal mid-way, ends before the switch: old zone and standings as they were', async () => {
    seedYear(temp, 1500);
    const before = allStandings(temp.db);
    const stopping = new AbortController();
    const run = rebuildOnThread({ path: temp.path, logger: captureLogs().logger, inProcess: notInProcess });
    const outcome = run('g1', { timeZone: SAO_PAULO, sliceSize: 10, signal: stopping.signal }).then(
      () => 'switched',
      (error: unknown) => error,
    );
    const rowsInNewZone = () => allStandings(temp.db).filter((r) => r.zone === SAO_PAULO).length;
    for (let i = 0; rowsInNewZone() === 0 && i < 20_000; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(rowsInNewZone()).toBeGreaterThan(0);
    stopping.abort();
    expect(await outcome).toBeInstanceOf(RebuildStopped);
    expect(settingsOf(temp.db)?.zone).toBe(LISBON);
    expect(allStandings(temp.db).filter((r) => r.zone !== SAO_PAULO)).toEqual(before);
  });

  it('waits for the checkpoint thread of this thread when the WAL is long, and still switches', async () => {
    seedYear(temp, 300);
    const checkpointer = startWalCheckpointer(temp.db, temp.path, captureLogs().logger, 10);
    let waits = 0;
    try {
      const run = rebuildOnThread({
        path: temp.path,
        logger: captureLogs().logger,
        inProcess: notInProcess,
        walLimitBytes: 0, // every slice after a write waits
        checkpointer: {
          caughtUp: () => {
            waits += 1;
            return checkpointer.caughtUp();
          },
        },
      });
      await run('g1', { timeZone: SAO_PAULO, sliceSize: 25 });
    } finally {
      await checkpointer.stop();
    }
    expect(waits).toBeGreaterThan(3);
    expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
  });

  it('switches with the compiled thread file too, found beside the bundle as `npm start` runs it', async () => {
    seedYear(temp, 300);
    // As a module bundled into dist/chunks/ finds it (dist/ is built by the tests' global setup).
    const compiled = findWorker(
      pathToFileURL(projectPath('dist', 'chunks', 'some-chunk.js')).href,
      'leaderboard',
      'rebuild-worker',
    );
    expect(compiled).toEqual({
      file: projectPath('dist', 'leaderboard', 'rebuild-worker.js'),
      typescript: false,
    });
    const run = rebuildOnThread({
      path: temp.path,
      logger: captureLogs().logger,
      worker: compiled!,
      inProcess: notInProcess,
    });
    await run('g1', { timeZone: SAO_PAULO });
    expect(settingsOf(temp.db)?.zone).toBe(SAO_PAULO);
    expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
  });

  it('with one thread at a time, switches two servers in turn; one stopped while it waits never starts', async () => {
    seedYear(temp, 300);
    seedGuild(temp.db, LISBON, 'third');
    const run = rebuildOnThread({
      path: temp.path,
      logger: captureLogs().logger,
      inProcess: notInProcess,
      maxThreads: 1,
    });
    const stopping = new AbortController();
    const first = run('g1', { timeZone: SAO_PAULO, sliceSize: 20 });
    const second = run('other', { timeZone: SAO_PAULO });
    const third = run('third', { timeZone: SAO_PAULO, signal: stopping.signal });
    stopping.abort();
    await expect(first).resolves.toMatchObject({ answers: 300 });
    await expect(second).resolves.toMatchObject({ answers: 1 });
    await expect(third).rejects.toBeInstanceOf(RebuildStopped);
    expect(settingsOf(temp.db, 'other')?.zone).toBe(SAO_PAULO);
    expect(settingsOf(temp.db, 'third')?.zone).toBe(LISBON);
    expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
    expect(allStandings(temp.db, 'other')).toEqual(standingsFromScratch(temp.db, 'other'));
  });

  it('runs the switch in this thread when its own cannot start, and says so', async () => {
    seedYear(temp, 200);
    const logs = captureLogs();
    let inProcessRuns = 0;
    const run = rebuildOnThread({
      path: temp.path,
      logger: logs.logger,
      worker: testWorker('worker-never-ready'),
      inProcess: (guildId, options) => {
        inProcessRuns += 1;
        return rebuildStandingsInSlices(temp, guildId, options);
      },
    });
    await run('g1', { timeZone: SAO_PAULO });
    expect(inProcessRuns).toBe(1);
    expect(settingsOf(temp.db)?.zone).toBe(SAO_PAULO);
    expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
    expect(logs.lines.map((line) => line.msg)).toContain(
      'rebuild thread failed to start; the switch runs in-process',
    );
  });

  it('fails, switching nothing, when its thread dies after it opened', async () => {
    seedYear(temp, 100);
    const before = allStandings(temp.db);
    const run = rebuildOnThread({
      path: temp.path,
      logger: captureLogs().logger,
      worker: testWorker('rebuild-worker-dies-after-ready'),
      inProcess: notInProcess,
    });
    await expect(run('g1', { timeZone: SAO_PAULO })).rejects.toThrow(
      'the rebuild thread of guild g1 stopped before it said how the switch ended',
    );
    expect(settingsOf(temp.db)?.zone).toBe(LISBON);
    expect(allStandings(temp.db)).toEqual(before);
  });

  it('reports a failure of the rebuild itself as it is (an unknown server)', async () => {
    const run = rebuildOnThread({ path: temp.path, logger: captureLogs().logger, inProcess: notInProcess });
    await expect(run('nobody', { timeZone: SAO_PAULO })).rejects.toThrow(
      'cannot rebuild standings of unknown guild nobody',
    );
  });

  it("as the bot's StandingsRebuilder: /config's switch ends on the thread and settles the pending zone", async () => {
    seedYear(temp, 200);
    const rebuilder = new StandingsRebuilder(temp, {
      thread: { path: temp.path, logger: captureLogs().logger },
    });
    const { zoneSwitch } = changeDailySettings(temp.db, rebuilder, 'g1', { timezone: SAO_PAULO }, 'UTC', 0);
    expect(settingsOf(temp.db)).toEqual({ zone: LISBON, pending: SAO_PAULO });
    await zoneSwitch;
    expect(settingsOf(temp.db)).toEqual({ zone: SAO_PAULO, pending: null });
    expect(allStandings(temp.db)).toEqual(standingsFromScratch(temp.db));
  });
});
