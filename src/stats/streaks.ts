import { addDays } from '../time';

/** The longest run of consecutive `true` values (answers already in time order). */
export function longestRun(flags: readonly boolean[]): number {
  let best = 0;
  let current = 0;
  for (const flag of flags) {
    current = flag ? current + 1 : 0;
    best = Math.max(best, current);
  }
  return best;
}

/**
 * Consecutive local days with a daily answer, ending today — or yesterday, since today's question may
 * simply not be answered yet. Dates are 'YYYY-MM-DD' in the server's time zone.
 */
export function currentDayStreak(answeredDays: Iterable<string>, today: string): number {
  const days = new Set(answeredDays);
  let day = days.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day = addDays(day, -1);
  }
  return streak;
}
