import { Worker } from 'node:worker_threads';
import type { Logger } from '../shared/logger';
import { projectPath } from '../shared/project-root';
import type { Db } from './database';

export interface WalCheckpointer {
  stop(): Promise<void>;
}

const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/** Plain JavaScript, found from the project root: the same file whether the bot runs from src/ or dist/. */
const WORKER_FILE = projectPath('src', 'db', 'checkpoint-worker.mjs');

/**
 * Moves WAL checkpoints off the thread that answers Discord. By default SQLite checkpoints inside the
 * commit that crosses 1000 WAL pages, and that commit then waits for an fsync: on the answer-click path
 * this was the whole p99 tail (40 ms against 8 ms without it, see bench/click.bench.ts). Here the bot's
 * connection never checkpoints and a worker thread with its own connection does, every `intervalMs`.
 * If the worker dies, the connection goes back to SQLite's automatic checkpoints, so the WAL never grows
 * without bound.
 */
export function startWalCheckpointer(
  db: Db,
  path: string,
  logger: Logger,
  intervalMs = 1000,
): WalCheckpointer {
  db.$client.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER_FILE, {
    workerData: { path, intervalMs },
  });
  let stopping = false;
  const fallBack = (reason: unknown) => {
    if (stopping) return;
    logger.error({ err: reason }, 'WAL checkpoint thread failed; back to automatic checkpoints');
    if (db.$client.open) db.$client.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };
  worker.on('error', fallBack);
  worker.on('exit', (code) => fallBack(new Error(`checkpoint thread exited with code ${code}`)));

  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      const closed = new Promise<void>((resolve) => worker.once('message', () => resolve()));
      worker.postMessage('close');
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000))]);
      await worker.terminate();
      if (db.$client.open) db.$client.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    },
  };
}
