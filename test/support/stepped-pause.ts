import type { Pause } from '../../src/leaderboard/sliced-rebuild';

/** A pause the test releases by hand, to look at the database between two slices of a rebuild. */
export function steppedPause() {
  let release: (() => void) | null = null;
  let paused: (() => void) | null = null;
  let pausedNow = new Promise<void>((resolve) => (paused = resolve));
  const pause: Pause = () =>
    new Promise<void>((resolve) => {
      release = resolve;
      paused!();
    });
  return {
    pause,
    /** Resolves once the rebuild sits between two slices. */
    next: () => pausedNow,
    resume() {
      pausedNow = new Promise<void>((resolve) => (paused = resolve));
      release!();
    },
  };
}
