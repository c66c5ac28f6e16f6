/**
 * Timers are derived state: the deadlines live in SQLite, the scheduler only wakes the runner up at them.
 * Production uses setTimeout; tests use `test/support/manual-scheduler.ts` and move an injected clock.
 */
export interface Scheduler {
  /** Runs `task` once the clock reaches `at` (epoch ms). Returns a cancel function. */
  at(at: number, task: () => Promise<void>): () => void;
}

export function timerScheduler(now: () => number): Scheduler {
  return {
    at(at, task) {
      const timer = setTimeout(() => void task(), Math.max(0, at - now()));
      return () => clearTimeout(timer);
    },
  };
}
