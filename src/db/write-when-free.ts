import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from './database';

export interface WriteWhenFreeOptions {
  /** Between two tries for the write lock, while another connection holds it. */
  retryMs?: number;
  /** How long to keep trying before failing with the SQLITE_BUSY of the last try (busy_timeout's 5 s). */
  timeoutMs?: number;
}

const isBusy = (error: unknown) => (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY';

/**
 * Runs `fn` in an IMMEDIATE transaction, waiting for the write lock on the event loop rather than in
 * SQLite's busy handler. The busy handler sleeps the whole thread, in steps that grow to 100 ms: a
 * background writer on the main thread (the standings rebuild's slices) that met the answer thread's,
 * another shard's or the checkpoint thread's lock stalled every click (up to 109 ms on the 1M bench). Here BEGIN
 * IMMEDIATE is tried with no busy wait; when the lock is taken, the event loop runs for `retryMs` and
 * it tries again. Once BEGIN succeeds, `fn` runs with the connection's usual busy_timeout, and its own
 * errors are never retried.
 */
export async function writeWhenFree<T>(
  db: Db,
  fn: () => T,
  { retryMs = 2, timeoutMs = 5000 }: WriteWhenFreeOptions = {},
): Promise<T> {
  const sqlite = db.$client;
  const pragmas = busyPragmasOf(sqlite);
  const busyTimeout = pragmas.read.get() as number;
  const giveUpAt = performance.now() + timeoutMs;
  for (;;) {
    let began = false;
    pragmas.noWait.get();
    try {
      return sqlite
        .transaction(() => {
          began = true;
          pragmas.restore(busyTimeout);
          return fn();
        })
        .immediate();
    } catch (error) {
      if (began || !isBusy(error) || performance.now() >= giveUpAt) throw error;
    } finally {
      if (!began) pragmas.restore(busyTimeout);
    }
    await sleep(retryMs);
  }
}

type Sqlite = Db['$client'];

/**
 * The busy_timeout pragmas, prepared once per connection: the clicks' batches run through here, and
 * `sqlite.pragma()` prepares its statement at every call.
 */
const busyPragmas = new WeakMap<Sqlite, ReturnType<typeof prepareBusyPragmas>>();

function busyPragmasOf(sqlite: Sqlite) {
  let pragmas = busyPragmas.get(sqlite);
  if (!pragmas) busyPragmas.set(sqlite, (pragmas = prepareBusyPragmas(sqlite)));
  return pragmas;
}

function prepareBusyPragmas(sqlite: Sqlite) {
  // A pragma takes no parameters: one statement per timeout set back (there is one in practice).
  const restores = new Map<number, () => unknown>();
  return {
    read: sqlite.prepare('pragma busy_timeout').pluck(),
    noWait: sqlite.prepare('pragma busy_timeout = 0'),
    restore(ms: number) {
      let restore = restores.get(ms);
      if (!restore) {
        const statement = sqlite.prepare(`pragma busy_timeout = ${Math.trunc(ms)}`);
        restores.set(ms, (restore = () => statement.get()));
      }
      restore();
    },
  };
}
