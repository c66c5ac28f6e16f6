import type { Question } from '../deck/types';
import { submitAnswer, type SubmitData, type SubmitInput, type SubmitResult } from './submit-answer';

export interface Click {
  now: number;
  input: SubmitInput;
}

export type ClickOutcome = { ok: true; result: SubmitResult } | { ok: false; error: unknown };

/**
 * Decides a batch of clicks in ONE immediate transaction, each click in its own savepoint so that one
 * failure does not undo the others. Throws when the commit itself fails: then nothing of the batch is
 * on disk. Shared by the in-process batcher and the answer thread.
 */
export function decideBatch(
  data: SubmitData,
  questionById: ReadonlyMap<string, Question>,
  clicks: readonly Click[],
): ClickOutcome[] {
  const outcomes: ClickOutcome[] = [];
  data.db.$client
    .transaction(() => {
      for (const click of clicks) {
        try {
          outcomes.push({ ok: true, result: submitAnswer(data, questionById, click.now, click.input) });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
      // IMMEDIATE: with shards another process writes too, and a deferred transaction that read first
      // fails (SQLITE_BUSY / BUSY_SNAPSHOT) instead of waiting (test/quiz/answer-batcher-processes.test.ts).
    })
    .immediate();
  return outcomes;
}
