import type { WireError } from '../shared/wire-error';
import type { SlicedRebuildResult } from './sliced-rebuild';

/** What the rebuild thread is started with (plain data: it is copied to the thread). */
export interface RebuildSetup {
  /** The database file (the thread opens its own connection to it). */
  path: string;
  guildId: string;
  timeZone: string;
  sliceSize?: number;
  sliceBudgetMs?: number;
  /** No checkpoint thread runs: the thread's connection checkpoints by itself, and never waits for one. */
  autoCheckpoint: boolean;
  /** WAL length past which a writing slice waits for the checkpoint thread (wal-room.ts's default if unset). */
  walLimitBytes?: number;
}

export type RebuildRequest =
  /** Ends the rebuild at its next slice boundary, before the switch (the bot stopping). */
  | { type: 'stop' }
  /** The checkpoint thread has caught up since the thread's `wal-wait` with this id. */
  | { type: 'caught-up'; id: number };

export type RebuildReply =
  /** The thread has opened its connection: from here it may have written rows of the new zone. */
  | { type: 'ready' }
  /** The WAL is over its limit: the thread waits for the checkpoint thread (on the main thread) to catch up. */
  | { type: 'wal-wait'; id: number }
  /** The thread's connection is closed, and the rebuild switched (or had nothing to switch). */
  | { type: 'done'; result: SlicedRebuildResult }
  /** The thread's connection is closed, and nothing switched; `stopped` when a `stop` ended it. */
  | { type: 'failed'; stopped: boolean; error: WireError };
