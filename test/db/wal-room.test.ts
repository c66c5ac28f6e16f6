import { afterEach, describe, expect, it } from 'vitest';
import { startWalCheckpointer, type WalCheckpointer } from '../../src/db/wal-checkpointer';
import { waitForWalRoom } from '../../src/db/wal-room';
import { captureLogs } from '../support/log-capture';
import { createTempDb, type TempDb } from '../support/temp-db';
import { walIndexProgress } from '../support/wal-index';

/** A checkpoint thread that never catches up: the wait can only end by its own limit. */
const neverCaughtUp: WalCheckpointer = {
  caughtUp: () => new Promise(() => undefined),
  stop: async () => undefined,
};

describe('waitForWalRoom (a long writer lets the checkpoint thread catch up)', () => {
  let temp: TempDb | undefined;
  let checkpointer: WalCheckpointer | undefined;
  afterEach(async () => {
    await checkpointer?.stop();
    temp?.cleanup();
  });

  function writeSomePages(db: TempDb['db']) {
    const insert = db.$client.prepare('insert into guilds (id, timezone, created_at) values (?, ?, ?)');
    db.$client.transaction(() => {
      for (let j = 0; j < 500; j++) insert.run(`g${j}-${'x'.repeat(200)}`, 'UTC', 0);
    })();
  }

  it('does not ask the checkpoint thread while the WAL is under its limit', async () => {
    temp = createTempDb();
    writeSomePages(temp.db);
    const asked: WalCheckpointer = {
      caughtUp: () => Promise.reject(new Error('asked while the WAL had room')),
      stop: async () => undefined,
    };
    await expect(waitForWalRoom(temp.db, asked)).resolves.toBeUndefined();
    await expect(waitForWalRoom(temp.db, undefined, { limitBytes: 0 })).resolves.toBeUndefined();
  });

  it('over the limit, waits until the checkpoint thread has copied the whole WAL into the database file', async () => {
    temp = createTempDb();
    checkpointer = startWalCheckpointer(temp.db, temp.path, captureLogs().logger, 50);
    writeSomePages(temp.db);
    expect(walIndexProgress(temp.path).nBackfill).toBe(0);
    await waitForWalRoom(temp.db, checkpointer, { limitBytes: 0, maxWaitMs: 60_000 });
    const progress = walIndexProgress(temp.path);
    expect(progress.mxFrame).toBeGreaterThan(0);
    expect(progress.nBackfill).toBe(progress.mxFrame);
  });

  it('gives up waiting after maxWaitMs when the checkpoint thread does not catch up', async () => {
    temp = createTempDb();
    writeSomePages(temp.db);
    await expect(
      waitForWalRoom(temp.db, neverCaughtUp, { limitBytes: 0, maxWaitMs: 20 }),
    ).resolves.toBeUndefined();
  });
});
