import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guilds } from '../../src/db/schema';
import { writeWhenFree } from '../../src/db/write-when-free';
import { openOtherShardWriter } from '../support/other-shard-writer';
import { createTempDb, type TempDb } from '../support/temp-db';

describe('writeWhenFree', () => {
  let temp: TempDb;
  beforeEach(() => {
    temp = createTempDb();
  });
  afterEach(() => temp.cleanup());

  const insertGuild = (id: string) => () =>
    temp.db.insert(guilds).values({ id, timezone: 'UTC', createdAt: 0 }).run();
  const guildIds = () =>
    temp.db
      .select({ id: guilds.id })
      .from(guilds)
      .all()
      .map((row) => row.id);

  it('waits for another connection’s write lock on the event loop, then writes', async () => {
    const otherShard = openOtherShardWriter(temp.path);
    try {
      const lock = otherShard.holdWriteLock();
      let ticks = 0;
      const ticker = setInterval(() => (ticks += 1), 1);
      const write = writeWhenFree(temp.db, insertGuild('g1'), { retryMs: 1 });
      // The event loop runs while the lock is held elsewhere: the ticker fires, nothing is written.
      await sleep(40);
      const ticksWhileLocked = ticks;
      expect(ticksWhileLocked).toBeGreaterThan(5);
      expect(guildIds()).not.toContain('g1');
      lock.release();
      await write;
      clearInterval(ticker);
      expect(guildIds()).toContain('g1');
      // The connection's own busy_timeout is back for everything else.
      expect(temp.db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      otherShard.close();
    }
  });

  it('fails with SQLITE_BUSY after its timeout, without running the write', async () => {
    const otherShard = openOtherShardWriter(temp.path);
    try {
      const lock = otherShard.holdWriteLock();
      let ran = false;
      await expect(
        writeWhenFree(
          temp.db,
          () => {
            ran = true;
          },
          { retryMs: 1, timeoutMs: 20 },
        ),
      ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
      expect(ran).toBe(false);
      expect(temp.db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
      lock.release();
    } finally {
      otherShard.close();
    }
  });

  it('runs the write once and passes its own error on, rolled back', async () => {
    let runs = 0;
    const failing = writeWhenFree(temp.db, () => {
      runs += 1;
      insertGuild('g2')();
      throw Object.assign(new Error('disk on fire'), { code: 'SQLITE_BUSY' });
    });
    await expect(failing).rejects.toThrow('disk on fire');
    expect(runs).toBe(1);
    expect(guildIds()).not.toContain('g2');
  });

  it('returns what the write returns when the lock is free', async () => {
    await expect(writeWhenFree(temp.db, () => 42)).resolves.toBe(42);
  });
});
