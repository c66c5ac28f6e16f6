import { afterEach, describe, expect, it } from 'vitest';
import { startWalCheckpointer, type WalCheckpointer } from '../../src/db/wal-checkpointer';
import { createWalRoom } from '../../src/db/wal-room';
import { captureLogs } from '../support/log-capture';
import { createTempDb, type TempDb } from '../support/temp-db';
import { walIndexProgress } from '../support/wal-index';

/** A checkpoint thread that never catches up: the wait can only end by its own limit. */
const neverCaughtUp: Pick<WalCheckpointer, 'caughtUp' | 'stop'> = {
  caughtUp: () => new Promise(() => undefined),
  stop: async () => undefined,
};

describe('createWalRoom (a long writer lets the checkpoint thread catch up)', () => {
  let temp: TempDb | undefined;
  let checkpointer: WalCheckpointer | undefined;
  afterEach(async () => {
    await checkpointer?.stop();
    temp?.cleanup();
  });

  function writeSomePages(db: TempDb['db']) {
    const insert = db.$client.prepare(
      'insert into guilds (id, timezone, created_at) values (?, ?, ?) on conflict do nothing',
    );
    db.$client.transaction(() => {
      for (let j = 0; j < 500; j++) insert.run(`g${Math.random()}-${'x'.repeat(200)}`, 'UTC', 0);
    })();
  }

  /** The real checkpoint thread, counting how often it is asked to catch up. */
  function countingCheckpointer(db: TempDb['db'], path: string) {
    const real = startWalCheckpointer(db, path, captureLogs().logger, 50);
    checkpointer = real;
    const counted = { asked: 0, caughtUp: () => (counted.asked++, real.caughtUp()), stop: () => real.stop() };
    return counted;
  }

  it('does not ask the checkpoint thread while the WAL is under its limit', async () => {
    temp = createTempDb();
    writeSomePages(temp.db);
    const counted = countingCheckpointer(temp.db, temp.path);
    await createWalRoom(temp.db, counted).wait();
    expect(counted.asked).toBe(0);
  });

  it('over the limit, waits until the checkpoint thread has copied the whole WAL into the database file', async () => {
    temp = createTempDb();
    const room = createWalRoom(temp.db, countingCheckpointer(temp.db, temp.path), {
      limitBytes: 0,
      maxWaitMs: 60_000,
    });
    writeSomePages(temp.db);
    expect(walIndexProgress(temp.path).nBackfill).toBe(0);
    await room.wait();
    const progress = walIndexProgress(temp.path);
    expect(progress.mxFrame).toBeGreaterThan(0);
    expect(progress.nBackfill).toBe(progress.mxFrame);
  });

  it('a slice that wrote nothing since the thread caught up does not wait again; one that wrote does', async () => {
    temp = createTempDb();
    const counted = countingCheckpointer(temp.db, temp.path);
    const room = createWalRoom(temp.db, counted, { limitBytes: 0, maxWaitMs: 60_000 });
    writeSomePages(temp.db);
    await room.wait();
    await room.wait(); // only read since
    expect(counted.asked).toBe(1);
    writeSomePages(temp.db);
    await room.wait();
    expect(counted.asked).toBe(2);
  });

  it('gives up waiting after maxWaitMs when the checkpoint thread does not catch up', async () => {
    temp = createTempDb();
    writeSomePages(temp.db);
    const room = createWalRoom(temp.db, neverCaughtUp, { limitBytes: 0, maxWaitMs: 20 });
    await expect(room.wait()).resolves.toBeUndefined();
  });

  it('waits for nothing without a checkpoint thread (SQLite checkpoints inside the commits then)', async () => {
    temp = createTempDb();
    writeSomePages(temp.db);
    await expect(createWalRoom(temp.db, undefined, { limitBytes: 0 }).wait()).resolves.toBeUndefined();
  });
});
