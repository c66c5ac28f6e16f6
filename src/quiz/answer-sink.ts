import type { Db } from '../db/database';
import type { Question } from '../deck/types';
import { AnswerBatcher } from './answer-batcher';
import type { SubmitInput, SubmitResult } from './submit-answer';

/** Where answer clicks are decided and written. */
export interface AnswerSink {
  submit(now: number, input: SubmitInput): Promise<SubmitResult>;
  /** Resolves once every click submitted so far is decided (and on disk): a reveal waits for this. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Group commit per event-loop turn on the main thread: the clicks that arrive together share one
 * transaction. (A worker-thread writer was tried; on this 2-core machine its gain was lost in the noise,
 * so the simpler path stays.)
 */
export function inlineAnswerSink(db: Db, questionById: ReadonlyMap<string, Question>): AnswerSink {
  const batcher = new AnswerBatcher(db, questionById);
  const inFlight = new Set<Promise<unknown>>();
  return {
    submit(now, input) {
      const result = batcher.submit(now, input);
      inFlight.add(result);
      void result.then(
        () => inFlight.delete(result),
        () => inFlight.delete(result),
      );
      return result;
    },
    async settled() {
      await Promise.allSettled([...inFlight]);
    },
    async close() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
