import type { WalCheckpointer } from '../db/wal-checkpointer';
import type { Logger } from '../shared/logger';
import { takeTurns } from '../shared/turns';
import { fromWire } from '../shared/wire-error';
import { findWorker, startWorker, type WorkerLocation } from '../shared/worker-thread';
import type { RebuildReply, RebuildRequest, RebuildSetup } from './rebuild-wire';
import { RebuildStopped, type SlicedRebuildOptions, type SlicedRebuildResult } from './sliced-rebuild';

/** Runs one time-zone switch to its end (the sliced rebuild, in this thread or on one of its own). */
export type RebuildRunner = (guildId: string, options: SlicedRebuildOptions) => Promise<SlicedRebuildResult>;

/** rebuild-worker's file (see findWorker). */
export const findRebuildWorker = (): WorkerLocation | undefined =>
  findWorker(import.meta.url, 'leaderboard', 'rebuild-worker');

export interface RebuildThreadOptions {
  /** The database file (each switch's thread opens its own connection to it). */
  path: string;
  logger: Logger;
  /** The bot's checkpoint thread, which the rebuild waits for when the WAL is long; none: SQLite's own. */
  checkpointer?: Pick<WalCheckpointer, 'caughtUp'>;
  /** Runs the switch when its thread cannot start: the rebuild in this thread, slice by slice. */
  inProcess: RebuildRunner;
  /** Defaults to findRebuildWorker(); tests point it at a worker that fails. */
  worker?: WorkerLocation;
  /** WAL length past which a writing slice waits for the checkpoint thread (default: wal-room.ts's). */
  walLimitBytes?: number;
  /** Threads at once (default 2); other servers' switches wait their turn. */
  maxThreads?: number;
}

/**
 * Two at once: their writes take turns on one write lock anyway, and a thread on 1,000,000 answers grew
 * the process by up to 189 MiB (bench/README.md). A second lets a small server's switch pass a long one.
 */
const DEFAULT_MAX_THREADS = 2;

/**
 * Each switch on a thread of its own, started for it and gone after: the sliced rebuild's SQL runs on the
 * thread's connection, so none of its calls holds the event loop. In this thread a slice was short, but
 * a single page read waited behind the checkpoint thread's disk writes: 60–67 ms stalls on the
 * 1,000,000-answer bench, against 10 ms alone (bench/README.md). Slices stay short on the thread too: the
 * write lock they hold is the one clicks and other shards wait for.
 *
 * A switch whose thread fails before it opened its connection runs in this thread instead. One that dies
 * after fails as a rebuild does (the old zone stays; the rows it wrote are unread, and the next switch's
 * first step deletes them). `pause` is the thread's own: a caller's pause is for in-process runs.
 */
export function rebuildOnThread(options: RebuildThreadOptions): RebuildRunner {
  const inTurn = takeTurns(options.maxThreads ?? DEFAULT_MAX_THREADS);
  return (guildId, switchOptions) => inTurn(() => runOnThread(options, guildId, switchOptions));
}

function runOnThread(
  options: RebuildThreadOptions,
  guildId: string,
  switchOptions: SlicedRebuildOptions,
): Promise<SlicedRebuildResult> {
  const { timeZone, sliceSize, sliceBudgetMs, signal } = switchOptions;
  // Stopped while it waited its turn: no thread to start.
  if (signal?.aborted) return Promise.reject(new RebuildStopped(guildId, timeZone));
  const location = options.worker ?? findRebuildWorker();
  if (!location) {
    options.logger.warn('rebuild thread file not found (run `npm run build`): the switch runs in-process');
    return options.inProcess(guildId, switchOptions);
  }
  const setup: RebuildSetup = {
    path: options.path,
    guildId,
    timeZone,
    ...(sliceSize !== undefined ? { sliceSize } : {}),
    ...(sliceBudgetMs !== undefined ? { sliceBudgetMs } : {}),
    autoCheckpoint: !options.checkpointer,
    ...(options.walLimitBytes !== undefined ? { walLimitBytes: options.walLimitBytes } : {}),
  };
  return new Promise<SlicedRebuildResult>((resolve, reject) => {
    const worker = startWorker(location, setup);
    const post = (request: RebuildRequest) => worker.postMessage(request);
    let ready = false;
    let settled = false;
    const stop = () => post({ type: 'stop' });
    const settle = (end: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', stop);
      end();
      void worker.terminate();
    };
    worker.on('message', (reply: RebuildReply) => {
      switch (reply.type) {
        case 'ready':
          ready = true;
          return;
        case 'wal-wait':
          void (options.checkpointer?.caughtUp() ?? Promise.resolve()).then(
            () => !settled && post({ type: 'caught-up', id: reply.id }),
          );
          return;
        case 'done':
          settle(() => resolve(reply.result));
          return;
        case 'failed':
          settle(() => reject(reply.stopped ? new RebuildStopped(guildId, timeZone) : fromWire(reply.error)));
      }
    });
    const died = (reason: unknown) =>
      settle(() => {
        if (ready) {
          reject(
            new Error(`the rebuild thread of guild ${guildId} stopped before it said how the switch ended`, {
              cause: reason,
            }),
          );
          return;
        }
        options.logger.error(
          { err: reason, guildId },
          'rebuild thread failed to start; the switch runs in-process',
        );
        options.inProcess(guildId, switchOptions).then(resolve, reject);
      });
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`rebuild thread exited with code ${code}`)));
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
}
