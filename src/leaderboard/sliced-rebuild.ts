import { periodKeysAt } from '../answers/period-keys';
import { scopesOf } from '../answers/record-answer';
import type { Db } from '../db/database';
import type { WithStores } from '../db/with-stores';
import { writeWhenFree } from '../db/write-when-free';
import { periodRuns, type PeriodRun } from './period-runs';
import type { RebuildAnswer, RebuildStore, StandingTotal } from './rebuild-store';

/**
 * Work per slice: answers read per page, rows written per transaction, answer ids caught up per
 * transaction (6 row writes each); step 2's pages are sized to the budget below up to this (see
 * pageSizer). The switch itself folds in at most a quarter of it. The time budget is checked between
 * rows, so one statement (a delete of 1,000 rows) can overrun it: at 1,000 one slice in ten took 25–45 ms
 * and the longest stall was 130 ms on the 1,000,000-answer bench.
 */
export const DEFAULT_SLICE_SIZE = 250;
/**
 * A slice also ends after this long, whatever its size: a busy host runs slower than the bench, and
 * the first pages work out the period keys of each quarter hour they meet (Intl, slow).
 */
export const DEFAULT_SLICE_BUDGET_MS = 10;
/** Totals held in memory before they are written out, so a long period does not grow one huge map. */
const MAX_TOTALS = 50_000;
/** Span of time whose period runs are worked out per slice. */
const RUN_CHUNK_MS = 7 * 86_400_000;

/** Lets the event loop run between slices; tests pass their own to look at the database mid-rebuild. */
export type Pause = () => Promise<void>;
export const yieldToEventLoop: Pause = () => new Promise((resolve) => setImmediate(resolve));

export interface SlicedRebuildOptions {
  /** The zone the new standings are bucketed in; stored as the guild's zone when they are switched in. */
  timeZone: string;
  sliceSize?: number;
  sliceBudgetMs?: number;
  pause?: Pause;
  /** Aborted (the bot stopping): the rebuild ends at its next slice boundary, before the switch. */
  signal?: AbortSignal;
}

/**
 * How a rebuild ends when its signal is aborted before the switch: the old zone and its standings
 * stay, and the half-built rows are left for the next run's step 1 (a stop must not wait for deletes).
 */
export class RebuildStopped extends Error {
  constructor(guildId: string, timeZone: string) {
    super(`the time-zone switch of guild ${guildId} to ${timeZone} was stopped before it switched`);
    this.name = 'RebuildStopped';
  }
}

export interface SlicedRebuildResult {
  /** Week and month rows written in the new zone (a row written in two slices counts twice). */
  rows: number;
  /** Answers counted into the new zone's rows, the ones folded in by the switch included. */
  answers: number;
  slices: number;
  /** The longest stretch of work between two pauses (on the event loop that runs it, one stall). */
  longestSliceMs: number;
}

/** The result of a switch to the zone the server already has: nothing to do. */
export const nothingSwitched = (): SlicedRebuildResult => ({
  rows: 0,
  answers: 0,
  slices: 0,
  longestSliceMs: 0,
});

/** Offsets change on whole quarter hours in every zone (see period-runs.ts): keys are cached per one. */
const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Switches one server to another time zone without holding the event loop. Standings rows carry the
 * zone their week or month is in, and readers and the click path use the server's current zone, so the
 * new zone's week and month rows are built beside the old ones, invisible, in short slices:
 *  1. rows left in the new zone by an earlier switch are cleared;
 *  2. the answers up to a snapshot id are summed period by period (runs of the new zone) and written;
 *  3. answers recorded since (the click path counts them in the old zone meanwhile) are added by id,
 *     slice by slice, until few are left;
 *  4. one short IMMEDIATE transaction adds those last ones and stores the zone: from that commit every
 *     reader and the click path use the new rows; each answer is counted once, in its id's slice;
 *  5. the old zone's rows, now unread, are deleted in slices, and so are any other zone's (left by a
 *     switch that was stopped and then superseded, or stopped in its own step 5).
 * All-time rows do not depend on the zone and are left alone. A failure before the switch leaves the
 * old zone and its standings as they were (the half-built rows are removed, and in any case unread);
 * so does an aborted `signal`, which ends it at a slice boundary with RebuildStopped. Aborted after the
 * switch, step 5 ends early: the rows left are unread, and the next switch's step 5 deletes them.
 * Two switches of one server must not run at once (StandingsRebuilder queues them); one that finds at
 * its switch that the zone changed under it fails without switching.
 */
export async function rebuildStandingsInSlices(
  { db, stores }: WithStores<{ rebuild: RebuildStore }>,
  guildId: string,
  options: SlicedRebuildOptions,
): Promise<SlicedRebuildResult> {
  const store = stores.rebuild;
  const {
    timeZone,
    sliceSize = DEFAULT_SLICE_SIZE,
    sliceBudgetMs = DEFAULT_SLICE_BUDGET_MS,
    pause = yieldToEventLoop,
    signal,
  } = options;
  const oldZone = store.guildZone(guildId);
  if (oldZone === undefined) throw new Error(`cannot rebuild standings of unknown guild ${guildId}`);
  if (oldZone === timeZone) return nothingSwitched();
  const stopHere = () => {
    if (signal?.aborted) throw new RebuildStopped(guildId, timeZone);
  };
  stopHere();

  const result = nothingSwitched();
  let sliceStarted = performance.now();
  const sliceEnds = () => {
    result.longestSliceMs = Math.max(result.longestSliceMs, performance.now() - sliceStarted);
  };
  const slice = async (): Promise<void> => {
    result.slices += 1;
    sliceEnds();
    await pause();
    sliceStarted = performance.now();
    stopHere();
  };
  const overBudget = (started: number) => performance.now() - started > sliceBudgetMs;
  const keysByQuarter = new Map<number, Record<'week' | 'month', string>>();
  const keysAt = (instantMs: number): Record<'week' | 'month', string> => {
    const quarter = Math.floor(instantMs / QUARTER_HOUR_MS);
    let keys = keysByQuarter.get(quarter);
    if (!keys) {
      keys = periodKeysAt(instantMs, timeZone);
      keysByQuarter.set(quarter, keys);
    }
    return keys;
  };

  try {
    // 1. Rows of the new zone left by a switch away from it, or by one that failed: not read, not current.
    await clearZone(db, store, guildId, timeZone, sliceSize, slice);

    // 2. Everything up to the snapshot id, period by period.
    const snapshotId = store.maxAnswerId();
    const span = store.answerSpan(guildId);
    const runs: PeriodRun[] = [];
    // Chunks start on quarter hours (RUN_CHUNK_MS is whole ones), so no quarter hour falls in two.
    const firstQuarter = span ? Math.floor(span.first / QUARTER_HOUR_MS) * QUARTER_HOUR_MS : 0;
    for (let from = firstQuarter; span && from <= span.last; from += RUN_CHUNK_MS) {
      runs.push(...periodRuns(from, Math.min(from + RUN_CHUNK_MS - 1, span.last), timeZone));
      await slice();
    }
    const pages = pageSizer(sliceSize, sliceBudgetMs);
    for (const run of runs) {
      const totals = new Map<string, StandingTotal>();
      let after = { afterAt: run.startMs - 1, afterId: 0 };
      for (let more = true; more;) {
        const limit = pages.next();
        const readStarted = performance.now();
        const page = store.answersInSpan(guildId, { ...run, maxId: snapshotId }, after, limit);
        // Summing is timed on its own: timed from before a slow read, it would stop after one answer
        // and the next page would read the same answers again.
        const started = performance.now();
        pages.took(started - readStarted, page.length);
        more = page.length === limit;
        for (const answer of page) {
          addTo(totals, run.kind, run.key, answer);
          result.answers += run.kind === 'week' ? 1 : 0; // each answer is in one week run
          after = { afterAt: answer.answeredAt, afterId: answer.id };
          if (overBudget(started)) {
            more = true;
            break;
          }
        }
        await slice();
        if (totals.size >= MAX_TOTALS || !more) await writeOut(totals);
      }
    }

    // 3. Answers recorded since the snapshot, by id, until what is left is small.
    let done = snapshotId;
    const switchIds = Math.max(1, Math.floor(sliceSize / 4));
    const addAnswers = (toId: number, budget: boolean): number => {
      const started = performance.now();
      for (const answer of store.answersInIdRange(guildId, done, toId)) {
        const keys = keysAt(answer.answeredAt);
        for (const periodKind of ['week', 'month'] as const) {
          const totals = new Map<string, StandingTotal>();
          addTo(totals, periodKind, keys[periodKind], answer);
          for (const total of totals.values()) store.addToRow(guildId, timeZone, total);
          result.rows += totals.size;
        }
        result.answers += 1;
        if (budget && overBudget(started)) return answer.id;
      }
      return toId;
    };
    for (;;) {
      const latest = store.maxAnswerId();
      if (latest - done <= switchIds) break;
      // IMMEDIATE: it reads, then writes; the answer thread or another shard commits in between.
      // Every write here waits for the lock on the event loop (write-when-free.ts), not in SQLite.
      done = await writeWhenFree(db, () => addAnswers(Math.min(latest, done + sliceSize), true));
      await slice();
    }

    // 4. The switch. IMMEDIATE takes the write lock first: no answer lands between the last read and it.
    await writeWhenFree(db, () => {
      if (store.guildZone(guildId) !== oldZone) {
        throw new Error(`the time zone of guild ${guildId} changed during the rebuild; nothing switched`);
      }
      addAnswers(store.maxAnswerId(), false);
      // The zone goes with its rows, so readers and the click path move to them in this commit.
      store.storeZone(guildId, timeZone);
    });
  } catch (error) {
    // Not switched: the half-built rows go (unless some other switch made that zone current).
    if (!(error instanceof RebuildStopped) && store.guildZone(guildId) !== timeZone) {
      await clearZone(db, store, guildId, timeZone, sliceSize, yieldToEventLoop).catch(() => undefined);
    }
    throw error;
  }

  // 5. The old zone's rows are read by nobody now, nor those a stopped or superseded switch left in
  // another zone. A stop here does not undo the switch: a later switch deletes what is left.
  try {
    for (let zone = store.nextZone(guildId, ''); zone !== undefined; zone = store.nextZone(guildId, zone)) {
      if (zone !== timeZone) await clearZone(db, store, guildId, zone, sliceSize, slice);
    }
  } catch (error) {
    if (!(error instanceof RebuildStopped)) throw error;
  }
  sliceEnds();
  return result;

  /** Writes held totals into the new zone's rows, in slices, and empties the map. */
  async function writeOut(totals: Map<string, StandingTotal>): Promise<void> {
    const pending = [...totals.values()];
    totals.clear();
    for (let next = 0; next < pending.length;) {
      next = await writeWhenFree(db, () => {
        const started = performance.now();
        let index = next;
        for (const end = Math.min(pending.length, next + sliceSize); index < end;) {
          store.addToRow(guildId, timeZone, pending[index]!);
          index += 1;
          if (overBudget(started)) break;
        }
        return index;
      });
      await slice();
    }
    result.rows += pending.length;
  }
}

/** The smallest page read in step 2, and the first (it measures what a page costs). */
const MIN_PAGE = 16;

/**
 * Sizes step 2's pages to the slice budget, from the slowest cost per answer read lately. One page is one
 * statement, which the budget cannot cut short, and its cost varies tenfold: answers are read in time
 * order, one table page each, and whenever another connection commits (every click of the answer thread,
 * another shard) SQLite drops this connection's page cache. At a fixed 250 a quarter of the pages took
 * over 20 ms on the 1,000,000-answer bench. A slow page shrinks the next ones at once; they grow back
 * by a tenth per page.
 */
function pageSizer(maxPage: number, budgetMs: number) {
  const smallest = Math.min(MIN_PAGE, maxPage);
  let msPerAnswer = 0;
  let size = smallest;
  return {
    next: () => size,
    took(ms: number, answers: number) {
      if (answers === 0) return;
      msPerAnswer = Math.max(ms / answers, msPerAnswer * 0.9);
      const fits = msPerAnswer > 0 ? Math.floor(budgetMs / msPerAnswer) : maxPage;
      size = Math.max(smallest, Math.min(maxPage, fits));
    },
  };
}

/** Adds one answer to its 3 rows (one per scope) of one period. */
function addTo(
  totals: Map<string, StandingTotal>,
  periodKind: 'week' | 'month',
  periodKey: string,
  answer: RebuildAnswer,
) {
  const correct = answer.correct ? 1 : 0;
  for (const scope of scopesOf(answer.domain, answer.topic)) {
    const id = `${periodKey}\u0000${scope}\u0000${answer.userId}`;
    const total = totals.get(id);
    if (total) {
      total.points += answer.points;
      total.answered += 1;
      total.correct += correct;
      total.lastAnsweredAt = Math.max(total.lastAnsweredAt, answer.answeredAt);
    } else {
      totals.set(id, {
        periodKind,
        periodKey,
        scope,
        userId: answer.userId,
        points: answer.points,
        answered: 1,
        correct,
        lastAnsweredAt: answer.answeredAt,
      });
    }
  }
}

/** Deletes the server's week and month rows in one zone, a slice at a time. */
async function clearZone(
  db: Db,
  store: RebuildStore,
  guildId: string,
  zone: string,
  sliceSize: number,
  pause: Pause,
): Promise<void> {
  while ((await writeWhenFree(db, () => store.deleteZoneRows(guildId, zone, sliceSize))) === sliceSize) {
    await pause();
  }
}
