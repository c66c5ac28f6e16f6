import { Worker } from 'node:worker_threads';
import type { Logger } from '../shared/logger';
import { projectPath } from '../shared/project-root';
import type { Db } from './database';

export interface WalCheckpointer {
  /**
   * Resolves after the next pass that copied every frame written before it (at once when the thread is
   * gone and SQLite checkpoints by itself again): a long writer waits for this before the WAL grows more.
   */
  caughtUp(): Promise<void>;
  /** Called if the thread dies: other connections that leave checkpoints to it must do them again. */
  onFallBack(listener: () => void): void;
  stop(): Promise<void>;
}

type WorkerMessage = { type: 'pass'; caughtUp: boolean } | { type: 'closed' };

const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/** Plain JavaScript, found from the project root: the same file whether the bot runs from src/ or dist/. */
const WORKER_FILE = projectPath('src', 'db', 'checkpoint-worker.mjs');

/**
 * Moves WAL checkpoints off the thread that answers Discord. By default SQLite checkpoints inside the
 * commit that crosses 1000 WAL pages, and that commit then waits for an fsync: on the answer-click path
 * this was the whole p99 tail (40 ms against 8 ms without it, see bench/click.bench.ts). Here the bot's
 * connection never checkpoints and a worker thread with its own connection does, every `intervalMs`
 * (every 50 ms while a burst of writes keeps the WAL long).
 * If the worker dies, the connection goes back to SQLite's automatic checkpoints, so the WAL never grows
 * without bound.
 */
export function startWalCheckpointer(
  db: Db,
  path: string,
  logger: Logger,
  intervalMs = 1000,
  /** WAL frames past which a pass ends with a RESTART checkpoint (see checkpoint-worker.mjs). */
  restartFrames = 16_384,
): WalCheckpointer {
  db.$client.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER_FILE, {
    workerData: { path, intervalMs, restartFrames },
  });
  let stopping = false;
  let running = true;
  const waiting: Array<() => void> = [];
  const fallBackListeners: Array<() => void> = [];
  const releaseWaiting = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'pass' && message.caughtUp) releaseWaiting();
  });
  const fallBack = (reason: unknown) => {
    running = false;
    releaseWaiting();
    if (stopping) return;
    logger.error({ err: reason }, 'WAL checkpoint thread failed; back to automatic checkpoints');
    if (db.$client.open) db.$client.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    for (const listener of fallBackListeners) listener();
  };
  worker.on('error', fallBack);
  worker.on('exit', (code) => fallBack(new Error(`checkpoint thread exited with code ${code}`)));

  return {
    caughtUp() {
      if (!running) return Promise.resolve();
      return new Promise((resolve) => waiting.push(resolve));
    },
    onFallBack(listener) {
      fallBackListeners.push(listener);
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      const closed = new Promise<void>((resolve) =>
        worker.on('message', (message: WorkerMessage) => message.type === 'closed' && resolve()),
      );
      worker.postMessage('close');
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000))]);
      await worker.terminate();
      running = false;
      releaseWaiting();
      if (db.$client.open) db.$client.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    },
  };
}
