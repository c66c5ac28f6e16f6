/** How a promise stands after waiting for it at most a while. */
export type Settled = 'done' | 'failed' | 'running';

/**
 * Waits for `work` at most `ms`: /config answers a quick time-zone switch (a small server) with its
 * outcome, and a long one with "still recalculating" rather than holding the interaction.
 */
export async function settleWithin(work: Promise<unknown>, ms: number): Promise<Settled> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => resolve('running'), ms);
    timer.unref();
  });
  try {
    return await Promise.race([
      work.then(
        (): Settled => 'done',
        (): Settled => 'failed',
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
