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
      if (!this.scheduled) this.schedule();
    });
  }

  /**
   * Resolves once every click submitted so far is decided and on disk: a reveal waits for this, and
   * does not wait out the commit interval (the pending clicks are written at the end of this turn).
   */
  settled(): Promise<void> {
    if (!this.scheduled) return Promise.resolve();
    this.scheduled.cancel();
    this.scheduled = this.onNextTurn();
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
    this.lastFlushAt = performance.now();
    const batch = this.pending;
    this.pending = [];
    try {
      this.decide(batch);
    } finally {
      for (const resolve of this.flushed.splice(0)) resolve();
    }
  }

  private decide(batch: Pending[]): void {
    let outcomes: ClickOutcome[];
    try {
      outcomes = decideBatch(this.data, this.questionById, batch);
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
