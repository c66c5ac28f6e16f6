import type { Question } from '../deck/types';
import type { WireError } from '../shared/wire-error';
import type { Click } from './decide-batch';
import type { SubmitResult } from './submit-answer';

/** What the answer thread and the event loop say to each other (plain data: it is copied between them). */
export interface WorkerSetup {
  path: string;
  /** The deck's questions: a click is decided against its question's key. */
  questions: readonly Question[];
  /** No checkpoint thread runs: the thread's connection checkpoints by itself. */
  autoCheckpoint: boolean;
}

export type ThreadRequest =
  { type: 'batch'; id: number; clicks: readonly Click[] } | { type: 'auto-checkpoint' } | { type: 'close' };

export type ThreadReply =
  | { type: 'ready' }
  | {
      type: 'decided';
      id: number;
      outcomes: Array<{ ok: true; result: SubmitResult } | { ok: false; error: WireError }>;
    }
  /** The commit failed: nothing of the batch is on disk. */
  | { type: 'failed'; id: number; error: WireError }
  | { type: 'closed' };
