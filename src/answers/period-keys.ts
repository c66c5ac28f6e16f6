import type { PeriodKind } from '../db/schema';
import { periodKey } from '../time/periods';

/**
 * The leaderboard periods an instant falls in, in a time zone: ISO week of the local date (weeks start on
 * Monday), calendar month, and all time. E.g. { week: '2026-W48', month: '2026-11', all: 'all' }.
 */
export function periodKeysAt(instantMs: number, timeZone: string): Record<PeriodKind, string> {
  return {
    week: periodKey(instantMs, 'week', timeZone),
    month: periodKey(instantMs, 'month', timeZone),
    all: 'all',
  };
}
