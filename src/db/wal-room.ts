import { statSync } from 'node:fs';
import { WAL_SIZE_LIMIT_BYTES, type Db } from './database';
import type { WalCheckpointer } from './wal-checkpointer';

export interface WalRoomOptions {
  limitBytes?: number;
  /** Never waits longer than this for one pass of the checkpoint thread. */
  maxWaitMs?: number;
}

/**
 * For long background writers (the sliced standings rebuild), between two slices: when the WAL file is
 * over its limit, waits for the checkpoint thread to catch up. The log only starts over after a
 * checkpoint that copied all of it, and a writer that never pauses keeps it from ever catching up: one
 * rebuild of 1,000,000 answers grew the WAL to 8.8 GB, every read slower for it. After the wait, the next
 * write starts the log over and the file is cut back to the limit. Clicks are not held: they write
 * whenever they come. Without a checkpoint thread (in-memory databases, SQLite's own automatic
 * checkpoints, which run inside the writer's commits) there is nothing to wait for.
 */
export async function waitForWalRoom(
  db: Db,
  checkpointer: WalCheckpointer | undefined,
  { limitBytes = WAL_SIZE_LIMIT_BYTES, maxWaitMs = 2000 }: WalRoomOptions = {},
): Promise<void> {
  if (!checkpointer || db.$client.memory || walBytes(db) <= limitBytes) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    checkpointer.caughtUp(),
    new Promise((resolve) => (timer = setTimeout(resolve, maxWaitMs))),
  ]);
  clearTimeout(timer);
}

function walBytes(db: Db): number {
  try {
    return statSync(`${db.$client.name}-wal`).size;
  } catch {
    return 0; // no WAL file right now
  }
}
