/**
 * Runs at most `max` tasks at once; the others wait their turn, first come first served. A task that
 * fails ends its turn as one that succeeds does.
 */
export function takeTurns(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(max) || max < 1)
    throw new Error(`takeTurns needs a whole number above 0, not ${max}`);
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    // A finished task hands its place to the first waiting one, so a newcomer cannot take it in between.
    if (running < max) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const first = waiting.shift();
      if (first) first();
      else running -= 1;
    }
  };
}
