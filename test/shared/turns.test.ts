import { describe, expect, it } from 'vitest';
import { takeTurns } from '../../src/shared/turns';

/** A task that runs until the test ends it, and records how many ran beside it. */
function gatedTasks() {
  let running = 0;
  let most = 0;
  const order: string[] = [];
  const gates = new Map<string, () => void>();
  const task =
    (name: string, fail = false) =>
    async () => {
      running += 1;
      most = Math.max(most, running);
      order.push(name);
      await new Promise<void>((resolve) => gates.set(name, resolve));
      running -= 1;
      if (fail) throw new Error(`${name} failed`);
      return name;
    };
  const end = async (name: string) => {
    gates.get(name)!();
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  };
  return { task, end, order, most: () => most, started: () => [...gates.keys()] };
}

describe('takeTurns', () => {
  it('runs at most max tasks at once, the rest first come first served, failures ending their turn too', async () => {
    const turns = takeTurns(2);
    const tasks = gatedTasks();
    const a = turns(tasks.task('a', true));
    const b = turns(tasks.task('b'));
    const c = turns(tasks.task('c'));
    const d = turns(tasks.task('d'));
    await Promise.resolve();
    expect(tasks.started()).toEqual(['a', 'b']);
    await tasks.end('a');
    await expect(a).rejects.toThrow('a failed');
    expect(tasks.started()).toEqual(['a', 'b', 'c']);
    // A newcomer while c runs in a's place waits behind d.
    const e = turns(tasks.task('e'));
    await tasks.end('b');
    expect(tasks.started()).toEqual(['a', 'b', 'c', 'd']);
    for (const name of ['c', 'd', 'e']) await tasks.end(name);
    await expect(Promise.all([b, c, d, e])).resolves.toEqual(['b', 'c', 'd', 'e']);
    expect(tasks.order).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(tasks.most()).toBe(2);
  });

  it('refuses a limit that is not a whole number above 0', () => {
    expect(() => takeTurns(0)).toThrow('takeTurns needs a whole number above 0, not 0');
    expect(() => takeTurns(1.5)).toThrow('not 1.5');
  });
});
