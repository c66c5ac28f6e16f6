import { writeWhenFree } from '../db/write-when-free';
import type { Question } from '../deck/types';
import { submitAnswer, type SubmitData, type SubmitInput, type SubmitResult } from './submit-answer';

export interface Click {
  now: number;
  input: SubmitInput;
}

export type ClickOutcome = { ok: true; result: SubmitResult } | { ok: false; error: unknown };

/**
 * Decides a batch of clicks in ONE immediate transaction, each click in its own savepoint so that one
 * failure does not undo the others. Rejects when the commit itself fails (or the lock never comes): then
 * nothing of the batch is on disk. Shared by the in-process batcher and the answer thread.
 *
 * The write lock is waited for on the event loop (writeWhenFree), not in SQLite's busy handler, which
 * sleeps the whole thread and loses every race to a writer that retries sooner. Another connection holds it
 * at times: a time-zone switch's thread, another shard, the checkpoint thread. IMMEDIATE: a deferred
 * transaction that read first would fail (SQLITE_BUSY / BUSY_SNAPSHOT) instead of waiting
 * (test/quiz/answer-batcher-processes.test.ts).
 */
export function decideBatch(
  data: SubmitData,
  questionById: ReadonlyMap<string, Question>,
  clicks: readonly Click[],
): Promise<ClickOutcome[]> {
  return writeWhenFree(data.db, () => decideClicks(data, questionById, clicks));
}

/** Inside the caller's transaction: each click in its own savepoint (submitAnswer's). */
function decideClicks(
  data: SubmitData,
  questionById: ReadonlyMap<string, Question>,
  clicks: readonly Click[],
): ClickOutcome[] {
  return clicks.map((click): ClickOutcome => {
    try {
      return { ok: true, result: submitAnswer(data, questionById, click.now, click.input) };
    } catch (error) {
      return { ok: false, error };
    }
  });
}
