import type { Db } from '../db/database';
import type { Question } from '../deck/types';
import { submitAnswer, type SubmitInput, type SubmitResult } from './submit-answer';

interface Pending {
  now: number;
  input: SubmitInput;
  resolve(result: SubmitResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit for answer clicks: clicks that arrive in the same event-loop turn are decided and written
 * in ONE SQLite transaction, then each is acknowledged. Every answer is still on disk before its member
 * hears "registered", but the commit (the costly part of a click) is shared when clicks pile up, so a
 * burst does not queue behind one commit per click. Each click keeps its own arrival time.
 */
export class AnswerBatcher {
  private pending: Pending[] = [];
  private scheduled = false;
  private flushed: Array<() => void> = [];

  constructor(
    private readonly db: Db,
    private readonly questionById: ReadonlyMap<string, Question>,
  ) {}

  submit(now: number, input: SubmitInput): Promise<SubmitResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ now, input, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Resolves once every click submitted so far is decided and on disk: a reveal waits for this. */
  settled(): Promise<void> {
    if (!this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.flushed.push(resolve));
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    try {
      this.decide(batch);
    } finally {
      for (const resolve of this.flushed.splice(0)) resolve();
    }
  }

  private decide(batch: Pending[]): void {
    const outcomes: Array<{ ok: true; result: SubmitResult } | { ok: false; error: unknown }> = [];
    try {
      this.db.$client
        .transaction(() => {
          for (const click of batch) {
            try {
              // Nested: each click is its own savepoint, so one failure does not undo the others.
              outcomes.push({
                ok: true,
                result: submitAnswer(this.db, this.questionById, click.now, click.input),
              });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
          // IMMEDIATE: with shards another process writes too, and a deferred transaction that read first
          // fails (SQLITE_BUSY / BUSY_SNAPSHOT) instead of waiting (test/quiz/answer-batcher-processes.test.ts).
        })
        .immediate();
    } catch (error) {
      // The commit itself failed: nothing of this batch is on disk.
      for (const click of batch) click.reject(error);
      return;
    }
    batch.forEach((click, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) click.resolve(outcome.result);
      else click.reject(outcome.error);
    });
  }
}
