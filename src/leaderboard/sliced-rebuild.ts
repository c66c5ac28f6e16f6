import { periodKeysAt } from '../answers/period-keys';
import { scopesOf } from '../answers/record-answer';
import type { Db } from '../db/database';
import { rebuildStoreOf, type RebuildAnswer, type StandingKey, type StandingTotal } from './rebuild-store';

/** Answer ids read per slice: one slice is one short read (see bench/leaderboard.bench.ts). */
export const DEFAULT_SLICE_IDS = 4000;
/**
 * A slice also ends after this long, whatever its size: the first slices work out the period keys of
 * each quarter hour they meet (Intl, slow) and a busy host runs slower than the bench.
 */
export const DEFAULT_SLICE_BUDGET_MS = 20;
/** Stored rows compared per slice. */
const STORED_ROWS_PER_SLICE = 5000;

/** Lets the event loop run between slices; tests pass their own to look at the database mid-rebuild. */
export type Pause = () => Promise<void>;
export const yieldToEventLoop: Pause = () => new Promise((resolve) => setImmediate(resolve));

export interface SlicedRebuildOptions {
  /** The zone the new standings are bucketed in; stored as the guild's zone when they are switched in. */
  timeZone: string;
  sliceIds?: number;
  sliceBudgetMs?: number;
  pause?: Pause;
}

export interface SlicedRebuildResult {
  /** Week and month standings rows the switch deleted, changed or added. */
  rows: number;
  /** Answers counted, the ones folded in by the switch included. */
  answers: number;
  slices: number;
}

/** Offsets change on whole quarter hours in every zone (see period-runs.ts): the keys are cached per one. */
const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Rebuilds one server's week and month standings in another time zone without holding the event loop:
 * answers are read in slices of ids (each slice a short synchronous read), the new totals are summed
 * in memory where no leaderboard reads them, then compared with the stored rows (in slices too), and
 * one write transaction at the end folds in the answers recorded meanwhile (ids above the last slice),
 * writes the rows that differ and stores the zone. Until then the click path keeps counting new answers
 * into the old standings, so the leaderboard is right throughout. All-time rows do not depend on the
 * zone and the click path keeps them current, so they are left alone. A failure before the switch
 * leaves the old standings and zone untouched, and so does finding at the switch that the zone is no
 * longer the one the rebuild started from (a rebuild that did not go through StandingsRebuilder's queue).
 */
export async function rebuildStandingsInSlices(
  db: Db,
  guildId: string,
  options: SlicedRebuildOptions,
): Promise<SlicedRebuildResult> {
  const store = rebuildStoreOf(db);
  const {
    timeZone,
    sliceIds = DEFAULT_SLICE_IDS,
    sliceBudgetMs = DEFAULT_SLICE_BUDGET_MS,
    pause = yieldToEventLoop,
  } = options;
  const oldZone = store.guildZone(guildId);
  if (oldZone === undefined) throw new Error(`cannot rebuild standings of unknown guild ${guildId}`);

  const totals = new Map<string, StandingTotal>();
  const keysByQuarter = new Map<string, Record<'week' | 'month', string>>();
  let counted = 0;
  let slices = 0;
  const keysAt = (instantMs: number, zone: string): Record<'week' | 'month', string> => {
    const cacheKey = `${zone}\u0000${Math.floor(instantMs / QUARTER_HOUR_MS)}`;
    let keys = keysByQuarter.get(cacheKey);
    if (!keys) {
      keys = periodKeysAt(instantMs, zone);
      keysByQuarter.set(cacheKey, keys);
    }
    return keys;
  };
  /**
   * Rows the click path or the new totals changed after the stored rows were compared: the switch looks
   * at these again. Null until the comparison starts.
   */
  let touched: Set<string> | null = null;

  const add = (answer: RebuildAnswer): void => {
    const keys = keysAt(answer.answeredAt, timeZone);
    // Counted by the click path in the old zone's rows: those changed after they may have been compared.
    const oldKeys = touched ? keysAt(answer.answeredAt, oldZone) : null;
    const correct = answer.correct ? 1 : 0;
    for (const periodKind of ['week', 'month'] as const) {
      for (const scope of scopesOf(answer.domain, answer.topic)) {
        const key = { periodKind, periodKey: keys[periodKind], scope, userId: answer.userId };
        const id = rowId(key);
        if (touched && oldKeys) {
          touched.add(id);
          touched.add(rowId({ ...key, periodKey: oldKeys[periodKind] }));
        }
        const total = totals.get(id);
        if (total) {
          total.points += answer.points;
          total.answered += 1;
          total.correct += correct;
          total.lastAnsweredAt = Math.max(total.lastAnsweredAt, answer.answeredAt);
        } else {
          totals.set(id, {
            ...key,
            points: answer.points,
            answered: 1,
            correct,
            lastAnsweredAt: answer.answeredAt,
          });
        }
      }
    }
    counted += 1;
  };
  /** Counts answers in (afterId, toId], stopping early after `budgetMs`; returns the last id it reached. */
  const readSlice = (afterId: number, toId: number, budgetMs = Infinity): number => {
    const started = performance.now();
    for (const answer of store.answersInRange(guildId, afterId, toId)) {
      add(answer);
      if (performance.now() - started > budgetMs) return answer.id;
    }
    return toId;
  };
  let done = 0;
  /** Catches up slice by slice until what is left is small; members keep answering meanwhile. */
  const catchUp = async (): Promise<void> => {
    for (;;) {
      const latest = store.maxAnswerId();
      if (latest - done <= sliceIds) return;
      done = readSlice(done, Math.min(latest, done + sliceIds), sliceBudgetMs);
      slices += 1;
      await pause();
    }
  };

  // 1. The new totals, in slices of answer ids.
  await catchUp();

  // 2. What the switch must write: most rows come out the same in the new zone (only answers near a
  // week or month edge move), so the stored rows are compared with the totals, in slices too.
  touched = new Set<string>();
  /** Row id → what the switch does with it; rows neither here nor in `touched` stay as they are. */
  const actions = new Map<string, 'delete' | 'write'>();
  const seen = new Set<string>();
  const decide = (id: string, stored: StandingTotal | undefined): void => {
    const total = totals.get(id);
    if (!stored) {
      if (total) actions.set(id, 'write');
    } else if (!total) actions.set(id, 'delete');
    else if (!sameTotals(stored, total)) actions.set(id, 'write');
  };
  // One kind at a time, so each slice is a range seek on the primary key.
  for (const periodKind of ['week', 'month'] as const) {
    let after: StandingKey = { periodKind, periodKey: '', scope: '', userId: '' };
    for (let more = true; more;) {
      const started = performance.now();
      const rows = store.storedAfter(guildId, after, STORED_ROWS_PER_SLICE);
      more = rows.length === STORED_ROWS_PER_SLICE;
      for (const row of rows) {
        const id = rowId(row);
        seen.add(id);
        decide(id, row);
        after = row;
        if (performance.now() - started > sliceBudgetMs) {
          more = true;
          break;
        }
      }
      slices += 1;
      await pause();
    }
  }
  // New rows: totals no stored row matched (totals added from here on are in `touched`).
  const ids = [...totals.keys()];
  for (let i = 0; i < ids.length; i += STORED_ROWS_PER_SLICE * 4) {
    for (const id of ids.slice(i, i + STORED_ROWS_PER_SLICE * 4)) if (!seen.has(id)) actions.set(id, 'write');
    slices += 1;
    await pause();
  }
  await catchUp();

  // 3. The switch: the last answers, the rows touched since the comparison, the zone — one short write.
  // IMMEDIATE takes the write lock first: no other process can add an answer between the read and the swap.
  const rows = db.transaction(
    (): number => {
      // Another process switched this server meanwhile: these totals sit on standings it rewrote.
      if (store.guildZone(guildId) !== oldZone) {
        throw new Error(`the time zone of guild ${guildId} changed during the rebuild; nothing switched`);
      }
      readSlice(done, store.maxAnswerId());
      for (const id of touched!) {
        actions.delete(id);
        decide(id, store.storedRow(guildId, keyOf(id)));
      }
      for (const [id, action] of actions) {
        if (action === 'delete') store.removeRow(guildId, keyOf(id));
        else store.writeRow(guildId, totals.get(id)!);
      }
      // The zone goes with its standings, so the click path buckets new answers the way the rows are.
      store.storeZone(guildId, timeZone);
      return actions.size;
    },
    { behavior: 'immediate' },
  );
  return { rows, answers: counted, slices };
}

function rowId(key: StandingKey): string {
  return `${key.periodKind}\u0000${key.periodKey}\u0000${key.scope}\u0000${key.userId}`;
}

function keyOf(id: string): StandingKey {
  const [periodKind, periodKey, scope, userId] = id.split('\u0000') as [
    StandingKey['periodKind'],
    string,
    string,
    string,
  ];
  return { periodKind, periodKey, scope, userId };
}

function sameTotals(a: StandingTotal, b: StandingTotal): boolean {
  return (
    a.points === b.points &&
    a.answered === b.answered &&
    a.correct === b.correct &&
    a.lastAnsweredAt === b.lastAnsweredAt
  );
}
