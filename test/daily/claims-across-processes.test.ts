import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyPosts, guilds } from '../../src/db/schema';
import { ROOT } from '../support/bot-process';
import { createTempDb } from '../support/temp-db';

// With SHARDS, several processes share one SQLite file. Each shard ticks for its own servers only, but
// exactly-once must not depend on that: the claim (an IMMEDIATE transaction plus the unique key
// guild/kind/local date) has to hold between processes that race for the same post.

const PROCESSES = 4;
const GUILDS = 25;
const DAYS = 20;
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const CHILD = join(ROOT, 'test/support/daily-claim-child.ts');

interface ChildReport {
  pid: number;
  won: string[];
  refused: number;
  errors: string[];
}

/** Starts a claimer; `ready` resolves once it has the file open, `startAt(ms)` sets when it claims, `report` is its result. */
function startClaimer(databasePath: string, firstDay: number, guildIds: string[]) {
  const child = spawn(
    process.execPath,
    ['--import', TSX_LOADER, CHILD, databasePath, String(firstDay), String(DAYS), guildIds.join(',')],
    { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`claimer exited ${code} before it was ready`)));
  });
  const report = new Promise<ChildReport>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as ChildReport)
        : reject(new Error(`claimer exited ${code}: ${err}`)),
    );
  });
  return { ready, report, startAt: (at: number) => child.send(at) };
}

describe('daily claims between processes on one SQLite file', () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
  });
  afterEach(() => temp.cleanup());

  it('gives each post of the day to exactly one of several racing processes', async () => {
    const guildIds = Array.from({ length: GUILDS }, (_, i) => String(100000000000000000n + BigInt(i)));
    for (const id of guildIds)
      temp.db
        .insert(guilds)
        .values({ id, timezone: 'UTC', dailyTime: '09:00', dailyChannelId: `ch-${id}`, createdAt: 0 })
        .run();
    const firstDay = Date.parse('2026-05-04T10:00:00Z');
    // Processes take 1–3 s to load (more on a loaded machine); they all begin claiming once all are in.
    const claimers = Array.from({ length: PROCESSES }, () => startClaimer(temp.path, firstDay, guildIds));
    await Promise.all(claimers.map((claimer) => claimer.ready));
    const startAt = Date.now() + 200;
    for (const claimer of claimers) claimer.startAt(startAt);
    const reports = await Promise.all(claimers.map((claimer) => claimer.report));

    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    const won = reports.flatMap((r) => r.won);
    // Every post of every day claimed once, none twice.
    expect(won).toHaveLength(GUILDS * 2 * DAYS);
    expect(new Set(won).size).toBe(GUILDS * 2 * DAYS);
    const rows = temp.db.select().from(dailyPosts).all();
    expect(rows).toHaveLength(GUILDS * 2 * DAYS);
    // Every process tried every post, and was refused each one another had won. Whether their claims
    // interleave depends on the scheduler (on a loaded machine one process can win them all before the
    // others run), so the test holds either way; they start at one instant to make it likely.
    for (const report of reports) expect(report.won.length + report.refused).toBe(GUILDS * 2 * DAYS);
    // The subject of each row is the winner's: what the database holds and what the processes think agree.
    for (const report of reports)
      for (const key of report.won) {
        const [guildId, kind, localDate] = key.split('/');
        const row = rows.find((r) => r.guildId === guildId && r.kind === kind && r.localDate === localDate);
        expect(row?.subject).toBe(`subject-${report.pid}`);
      }
  }, 60_000);
});
