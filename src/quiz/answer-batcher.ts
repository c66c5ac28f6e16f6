import type { Question } from '../deck/types';
import { decideBatch, type ClickOutcome } from './decide-batch';
import type { AnswerRecorder } from './quiz-services';
import type { SubmitData, SubmitInput, SubmitResult } from './submit-answer';

interface Pending {
  now: number;
  input: SubmitInput;
  resolve(result: SubmitResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit for answer clicks: clicks that arrive close together are decided and written in ONE
 * SQLite transaction, then each is acknowledged. Every answer is still on disk before its member hears
 * "registered", but the commit (about half of a click's database time, bench/submit.bench.ts) is shared.
 *
 * A click after a quiet spell is written at the end of its event-loop turn, as before. While clicks keep
 * coming, commits are spaced at least `commitIntervalMs` apart and each takes everything that arrived
 * meanwhile: under load a click waits a few milliseconds more at most, and the process spends less CPU
 * per click, which is what keeps its latency tail short (bench/click.bench.ts). Each click keeps its own
 * arrival time.
 *
 * When another connection holds the write lock (a time-zone switch's thread, another shard), the batch
 * waits for it on the event loop (decideBatch): in SQLite's busy handler that wait slept the
 * whole event loop, 333 ms at worst during a switch of 200,000 answers (bench/README.md). One batch is
 * written at a time; the clicks that arrive meanwhile form the next, in arrival order.
 */
export interface AnswerBatcherOptions {
  /** Least time between two commits while clicks keep coming. 0: every turn commits what it has. */
  commitIntervalMs?: number;
}

export const DEFAULT_COMMIT_INTERVAL_MS = 4;

export class AnswerBatcher implements AnswerRecorder {
  private pending: Pending[] = [];
  private scheduled: { cancel(): void } | undefined;
  private flushed: Array<() => void> = [];
  /** A batch is being written (waiting for the write lock, or committing). */
  private writing = false;
  /** performance.now() of the last commit's start. */
  private lastFlushAt = -Infinity;
  private readonly commitIntervalMs: number;

  constructor(
    private readonly data: SubmitData,
    private readonly questionById: ReadonlyMap<string, Question>,
    { commitIntervalMs = DEFAULT_COMMIT_INTERVAL_MS }: AnswerBatcherOptions = {},
  ) {
    this.commitIntervalMs = commitIntervalMs;
  }

  submit(now: number, input: SubmitInput): Promise<SubmitResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ now, input, resolve, reject });
      // A batch being written schedules the next when it is done.
      if (!this.scheduled && !this.writing) this.schedule();
    });
  }

  /**
   * Resolves once every click submitted so far is decided and on disk: a reveal waits for this, and
   * does not wait out the commit interval (the pending clicks are written at the end of this turn).
   */
  settled(): Promise<void> {
    if (!this.scheduled && !this.writing) return Promise.resolve();
    if (this.scheduled) {
      this.scheduled.cancel();
      this.scheduled = this.onNextTurn();
    }
    return new Promise((resolve) => this.flushed.push(resolve));
  }

  /** Holds no thread or handle: stopping is settling. */
  stop(): Promise<void> {
    return this.settled();
  }

  private schedule(): void {
    const wait = this.lastFlushAt + this.commitIntervalMs - performance.now();
    if (wait < 1) {
      this.scheduled = this.onNextTurn();
      return;
    }
    const timer = setTimeout(() => this.flush(), wait);
    this.scheduled = { cancel: () => clearTimeout(timer) };
  }

  private onNextTurn(): { cancel(): void } {
    const immediate = setImmediate(() => this.flush());
    return { cancel: () => clearImmediate(immediate) };
  }

  private flush(): void {
    this.scheduled = undefined;
    // One batch at a time, so a member's clicks land in the order they came: the one being written
    // schedules the next when it is done.
    if (this.writing) return;
    this.lastFlushAt = performance.now();
    const batch = this.pending;
    this.pending = [];
    // Those who asked before this batch: it holds every click they were waiting for.
    const waiters = this.flushed.splice(0);
    this.writing = true;
    void this.decide(batch).finally(() => {
      this.writing = false;
      for (const resolve of waiters) resolve();
      if (this.pending.length === 0) {
        for (const resolve of this.flushed.splice(0)) resolve();
      } else if (!this.scheduled) {
        // Someone waits (a reveal): the next batch goes at once, not after the commit interval.
        if (this.flushed.length > 0) this.scheduled = this.onNextTurn();
        else this.schedule();
      }
    });
  }

  private async decide(batch: Pending[]): Promise<void> {
    let outcomes: ClickOutcome[];
    try {
      outcomes = await decideBatch(this.data, this.questionById, batch);
    } catch (error) {
      // The commit itself failed, or the lock never came: nothing of this batch is on disk.
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
