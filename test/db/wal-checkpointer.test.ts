import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { guilds } from '../../src/db/schema';
import { startWalCheckpointer, type WalCheckpointer } from '../../src/db/wal-checkpointer';
import { captureLogs } from '../support/log-capture';
import { createTempDb } from '../support/temp-db';
import { walIndexProgress } from '../support/wal-index';

describe('startWalCheckpointer', () => {
  let temp: ReturnType<typeof createTempDb> | undefined;
  let checkpointer: WalCheckpointer | undefined;
  afterEach(async () => {
    await checkpointer?.stop();
    temp?.cleanup();
  });

  it("checkpoints on its own thread: the bot's connection never does, yet the data reaches the main file", async () => {
    temp = createTempDb();
    const db = temp.db;
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    checkpointer = startWalCheckpointer(db, temp.path, captureLogs().logger, 50);
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(temp.path).size;
    const insert = db.$client.prepare('insert into guilds (id, timezone, created_at) values (?, ?, ?)');
    // Well past SQLite's 1000-page automatic checkpoint.
    for (let i = 0; i < 40; i++) {
      db.$client.transaction(() => {
        for (let j = 0; j < 500; j++) insert.run(`g${i}-${j}-${'x'.repeat(200)}`, 'UTC', 0);
      })();
    }
    await expect
      .poll(() => statSync(temp!.path).size, { timeout: 10_000, interval: 50 })
      .toBeGreaterThan(before + 2_000_000);
    expect(db.select().from(guilds).all()).toHaveLength(20_000);
  });

  it('hands checkpoints back to SQLite when stopped', async () => {
    temp = createTempDb();
    checkpointer = startWalCheckpointer(temp.db, temp.path, captureLogs().logger, 50);
    await checkpointer.stop();
    expect(temp.db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('caughtUp() resolves after a pass that copied the whole WAL, and at once once the thread is gone', async () => {
    temp = createTempDb();
    const db = temp.db;
    checkpointer = startWalCheckpointer(db, temp.path, captureLogs().logger, 50);
    const insert = db.$client.prepare('insert into guilds (id, timezone, created_at) values (?, ?, ?)');
    db.$client.transaction(() => {
      for (let j = 0; j < 2000; j++) insert.run(`g${j}-${'x'.repeat(200)}`, 'UTC', 0);
    })();
    const before = walIndexProgress(temp.path);
    expect(before.nBackfill).toBeLessThan(before.mxFrame);
    await checkpointer.caughtUp();
    // Caught up: every frame of the log is in the main file.
    const after = walIndexProgress(temp.path);
    expect(after.nBackfill).toBe(after.mxFrame);
    await checkpointer.stop();
    await expect(checkpointer.caughtUp()).resolves.toBeUndefined();
  });

  /**
   * Commits back to back on this thread for a while, each its own transaction, while the checkpoint
   * thread runs every 20 ms: some frames always land during a pass, so a PASSIVE pass never leaves the
   * log fully copied when the next writer begins.
   */
  function steadyWrites(
    restartFrames: number,
    { forMs = 800, untilRestarted = false } = {},
  ): { commits: number; mxFrame: number } {
    temp = createTempDb();
    const db = temp.db;
    checkpointer = startWalCheckpointer(db, temp.path, captureLogs().logger, 20, restartFrames);
    const insert = db.$client.prepare('insert into guilds (id, timezone, created_at) values (?, ?, ?)');
    let commits = 0;
    for (const until = performance.now() + forMs; performance.now() < until; commits++) {
      insert.run(`g${commits}`, 'UTC', 0);
      // On a slow machine the thread may take a while to start: stop as soon as the log started over.
      if (untilRestarted && commits % 100 === 99 && walIndexProgress(temp.path).mxFrame < commits) break;
    }
    return { commits, mxFrame: walIndexProgress(temp.path).mxFrame };
  }

  it('without a RESTART, steady writes keep the log from ever starting over', () => {
    const { commits, mxFrame } = steadyWrites(1e9);
    // Each commit appends at least one frame; none was ever dropped.
    expect(mxFrame).toBeGreaterThanOrEqual(commits);
  });

  it('with it (a pass past restartFrames ends with a RESTART), the log starts over under steady writes', () => {
    const { commits, mxFrame } = steadyWrites(200, { forMs: 10_000, untilRestarted: true });
    expect(mxFrame).toBeLessThan(commits);
  });
});
