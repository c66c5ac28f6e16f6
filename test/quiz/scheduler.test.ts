import { describe, expect, it } from 'vitest';
import { timerScheduler } from '../../src/quiz/scheduler';
import { ManualScheduler } from '../support/manual-scheduler';

describe('schedulers', () => {
  it('setTimeout scheduler runs a task once its time comes, and a cancelled one never', async () => {
    const scheduler = timerScheduler(Date.now);
    const ran: string[] = [];
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const cancel = scheduler.at(Date.now() + 5, async () => {
      ran.push('cancelled');
    });
    cancel();
    scheduler.at(Date.now() + 10, async () => {
      ran.push('due');
      done();
    });
    scheduler.at(Date.now() - 1000, async () => {
      ran.push('past');
    });
    await finished;
    expect(ran).toEqual(['past', 'due']);
  });

  it('manual scheduler runs due tasks in time order, including ones they schedule', async () => {
    let now = 0;
    const scheduler = new ManualScheduler(() => now);
    const ran: number[] = [];
    scheduler.at(20, async () => {
      ran.push(20);
      scheduler.at(15, async () => void ran.push(15));
      scheduler.at(100, async () => void ran.push(100));
    });
    scheduler.at(10, async () => void ran.push(10));
    const cancel = scheduler.at(5, async () => void ran.push(5));
    cancel();
    now = 30;
    expect(await scheduler.runDue()).toBe(3);
    expect(ran).toEqual([10, 20, 15]);
    expect(scheduler.pending()).toEqual([100]);
  });
});
