import type { Question } from '../deck/types';
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

export interface WireError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

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

export function toWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}

/** The thread's error as an Error of this side, keeping its name, code and the thread's stack. */
export function fromWire(wire: WireError): Error {
  const error = new Error(wire.message) as Error & { code?: string };
  error.name = wire.name;
  if (wire.code !== undefined) error.code = wire.code;
  if (wire.stack) error.stack = wire.stack;
  return error;
}
