import type { RoundTotal } from './round-store';

/** A round's standings, best first: points, then right answers, then total response time (faster first). */
export function rankStandings(totals: readonly RoundTotal[]): RoundTotal[] {
  return [...totals].sort(
    (a, b) =>
      b.points - a.points ||
      b.correct - a.correct ||
      a.responseMs - b.responseMs ||
      a.userId.localeCompare(b.userId),
  );
}
