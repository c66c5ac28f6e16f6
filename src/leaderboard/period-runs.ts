import { localDateOf, periodKey } from '../time';

export interface PeriodRun {
  kind: 'week' | 'month';
  key: string;
  /** [startMs, endMs) in epoch ms. */
  startMs: number;
  endMs: number;
}

/**
 * Offsets and their changes fall on whole quarter hours in every current zone, so the local date — and
 * with it the week and month keys `periodKeysAt` gives — is constant within each UTC quarter hour.
 */
const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Splits [fromMs, toMs] into runs of instants sharing a week (and a month) key in a time zone. Each
 * quarter hour is classified exactly as `periodKeysAt` would classify it, so bucketing answers by these
 * runs gives the same periods as recording them one by one — including the repeated hour of a DST
 * fall-back at midnight, where a key can come back (it then gets two runs).
 */
export function periodRuns(fromMs: number, toMs: number, timeZone: string): PeriodRun[] {
  const runs: PeriodRun[] = [];
  const open: Partial<Record<PeriodRun['kind'], PeriodRun>> = {};
  const first = Math.floor(fromMs / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  let lastDate = '';
  let keys: Record<PeriodRun['kind'], string> = { week: '', month: '' };
  for (let start = first; start <= toMs; start += QUARTER_HOUR_MS) {
    const date = localDateOf(start, timeZone);
    if (date !== lastDate) {
      // The keys depend on the local date only, so they are worked out once a day.
      lastDate = date;
      keys = { week: periodKey(start, 'week', timeZone), month: periodKey(start, 'month', timeZone) };
    }
    for (const kind of ['week', 'month'] as const) {
      const run = open[kind];
      if (run && run.key === keys[kind]) {
        run.endMs = start + QUARTER_HOUR_MS;
      } else {
        const next = { kind, key: keys[kind], startMs: start, endMs: start + QUARTER_HOUR_MS };
        runs.push(next);
        open[kind] = next;
      }
    }
  }
  return runs;
}
