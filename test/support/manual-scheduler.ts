import type { Scheduler } from '../../src/quiz/scheduler';

interface PendingTask {
  at: number;
  task: () => Promise<void>;
  cancelled: boolean;
}

/** A scheduler driven by hand: `runDue()` runs every task whose time has come on the injected clock. */
export class ManualScheduler implements Scheduler {
  private tasks: PendingTask[] = [];
  constructor(private readonly now: () => number) {}

  at(at: number, task: () => Promise<void>): () => void {
    const entry: PendingTask = { at, task, cancelled: false };
    this.tasks.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }

  /** Pending (not cancelled, not yet run) tasks, earliest first. */
  pending(): number[] {
    return this.tasks
      .filter((t) => !t.cancelled)
      .map((t) => t.at)
      .sort((a, b) => a - b);
  }

  /** Runs due tasks in time order, including tasks they schedule that are already due. */
  async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      this.tasks = this.tasks.filter((t) => !t.cancelled);
      const due = this.tasks.filter((t) => t.at <= this.now()).sort((a, b) => a.at - b.at)[0];
      if (!due) return ran;
      due.cancelled = true;
      await due.task();
      ran += 1;
    }
  }
}
