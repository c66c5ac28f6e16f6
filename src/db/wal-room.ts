import { statSync } from 'node:fs';
import { WAL_SIZE_LIMIT_BYTES, type Db } from './database';
import type { WalCheckpointer } from './wal-checkpointer';

export interface WalRoomOptions {
  limitBytes?: number;
  /** Never waits longer than this for one pass of the checkpoint thread. */
  maxWaitMs?: number;
}

export interface WalRoom {
  /** Between two slices of work: resolves at once, or once the checkpoint thread has caught up. */
  wait(): Promise<void>;
}

/**
 * For long background writers (the sliced standings rebuild): when the WAL file is over its limit and
 * this connection wrote since the checkpoint thread last caught up, waits for it to catch up. The log
 * only starts over after a checkpoint that copied all of it, and a writer that never pauses keeps it from
 * ever catching up: one rebuild of 1,000,000 answers grew the WAL to 8.8 GB, every read slower for it.
 * After the wait, the next write starts the log over. Slices that only read do not wait (nothing new to
 * copy), and clicks are never held: they write whenever they come. Without a checkpoint thread
 * (in-memory databases, SQLite's own checkpoints inside each commit) there is nothing to wait for.
 */
export function createWalRoom(
  db: Db,
  checkpointer: Pick<WalCheckpointer, 'caughtUp'> | undefined,
  { limitBytes = WAL_SIZE_LIMIT_BYTES, maxWaitMs = 2000 }: WalRoomOptions = {},
): WalRoom {
  if (!checkpointer || db.$client.memory) return { wait: () => Promise.resolve() };
  const walPath = `${db.$client.name}-wal`;
  const totalChanges = db.$client.prepare('select total_changes()').pluck();
  /** Rows this connection had changed when the checkpoint thread last caught up with it. */
  let changesWhenCaughtUp = -1;
  return {
    async wait() {
      if (walBytes(walPath) <= limitBytes) return;
      const changes = totalChanges.get() as number;
      if (changes === changesWhenCaughtUp) return;
      let timer: NodeJS.Timeout | undefined;
      const caughtUp = await Promise.race([
        checkpointer.caughtUp().then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), maxWaitMs))),
      ]);
      clearTimeout(timer);
      if (caughtUp) changesWhenCaughtUp = changes;
    },
  };
}

function walBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // no WAL file right now
  }
}
