import { periodKeysAt } from '../answers/period-keys';
import { scopesOf } from '../answers/record-answer';
import type { Db } from '../db/database';

/** Answer ids read per slice: one slice is one short read transaction (see bench/leaderboard.bench.ts). */
export const DEFAULT_SLICE_IDS = 4000;
/**
 * A slice also ends after this long, whatever its size: the first slices work out the period keys of
 * each quarter hour they meet (Intl, slow) and a busy host runs slower than the bench.
 */
export const DEFAULT_SLICE_BUDGET_MS = 20;

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

interface Total {
  kind: 'week' | 'month';
  key: string;
  scope: string;
  userId: string;
  points: number;
  answered: number;
  correct: number;
  lastAnsweredAt: number;
}

interface AnswerRow {
  id: number;
  userId: string;
  points: number;
  correct: number;
  domain: number;
  topic: string;
  answeredAt: number;
}

/** Offsets change on whole quarter hours in every zone (see period-runs.ts): the keys are cached per one. */
const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Rebuilds one server's week and month standings in another time zone without holding the event loop:
 * answers are read in slices of ids (each slice a short synchronous read), the new totals are summed
 * in memory where no leaderboard reads them, then compared with the stored rows (in slices too), and
 * one write transaction at the end folds in the answers recorded meanwhile, writes the rows that
 * differ and stores the zone. Until then the click
 * path keeps counting new answers into the old standings, so the leaderboard is right throughout.
 * All-time rows do not depend on the zone and the click path keeps them current, so they are left alone.
 * A failure before the switch leaves the old standings and zone untouched.
 */
export async function rebuildStandingsInSlices(
  db: Db,
  guildId: string,
  options: SlicedRebuildOptions,
): Promise<SlicedRebuildResult> {
  const sqlite = db.$client;
  const {
    timeZone,
    sliceIds = DEFAULT_SLICE_IDS,
    sliceBudgetMs = DEFAULT_SLICE_BUDGET_MS,
    pause = yieldToEventLoop,
  } = options;
  // Ids only grow and writes are serialised, so every answer up to the highest id is committed.
  const maxId = sqlite.prepare('select max(id) as id from answers');
  // NOT INDEXED keeps the plan on the rowid range: the guild's time index would read the whole guild.
  const slice = sqlite.prepare(
    `select id, user_id as userId, points, correct, domain, topic, answered_at as answeredAt
     from answers not indexed
     where id > ? and id <= ? and guild_id = ? and kind not in ('practice', 'mock') -- see countsOnLeaderboard
     order by id`,
  );
  const totals = new Map<string, Total>();
  const keysByQuarter = new Map<string, Record<'week' | 'month', string>>();
  let counted = 0;
  let slices = 0;

  const guild = sqlite.prepare('select timezone from guilds where id = ?').get(guildId) as
    { timezone: string } | undefined;
  if (!guild) throw new Error(`cannot rebuild standings of unknown guild ${guildId}`);
  const oldZone = guild.timezone;

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

  const add = (answer: AnswerRow): void => {
    const keys = keysAt(answer.answeredAt, timeZone);
    // Counted by the click path in the old zone's rows: those changed after they may have been compared.
    const oldKeys = touched ? keysAt(answer.answeredAt, oldZone) : null;
    for (const kind of ['week', 'month'] as const) {
      for (const scope of scopesOf(answer.domain, answer.topic)) {
        const id = rowId(kind, keys[kind], scope, answer.userId);
        if (touched && oldKeys) {
          touched.add(id);
          touched.add(rowId(kind, oldKeys[kind], scope, answer.userId));
        }
        const total = totals.get(id);
        if (total) {
          total.points += answer.points;
          total.answered += 1;
          total.correct += answer.correct;
          total.lastAnsweredAt = Math.max(total.lastAnsweredAt, answer.answeredAt);
        } else {
          totals.set(id, {
            kind,
            key: keys[kind],
            scope,
            userId: answer.userId,
            points: answer.points,
            answered: 1,
            correct: answer.correct,
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
    for (const row of slice.iterate(afterId, toId, guildId) as IterableIterator<AnswerRow>) {
      add(row);
      if (performance.now() - started > budgetMs) return row.id;
    }
    return toId;
  };
  let done = 0;
  /** Catches up slice by slice until what is left is small; members keep answering meanwhile. */
  const catchUp = async (): Promise<void> => {
    for (;;) {
      const latest = (maxId.get() as { id: number | null }).id ?? 0;
      if (latest - done <= sliceIds) return;
      const to = Math.min(latest, done + sliceIds);
      done = sqlite.transaction(() => readSlice(done, to, sliceBudgetMs))();
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
  const storedAfter = sqlite.prepare(
    `select period_kind as kind, period_key as key, scope, user_id as userId,
            points, answered, correct, last_answered_at as lastAnsweredAt
     from standings
     where guild_id = ? and period_kind = ? and (period_key, scope, user_id) > (?, ?, ?)
     order by period_key, scope, user_id
     limit ?`,
  );
  const decide = (id: string, row: Total | undefined): void => {
    const total = totals.get(id);
    if (!row) {
      if (total) actions.set(id, 'write');
    } else if (!total) actions.set(id, 'delete');
    else if (!sameTotals(row, total)) actions.set(id, 'write');
  };
  // One kind at a time, so each slice is an index range seek on the primary key (an IN list is not).
  for (const kind of ['week', 'month'] as const) {
    let after: [string, string, string] = ['', '', ''];
    for (let more = true; more;) {
      more = sqlite.transaction((): boolean => {
        const started = performance.now();
        const rows = storedAfter.all(guildId, kind, ...after, STORED_ROWS_PER_SLICE) as Total[];
        for (const row of rows) {
          const id = rowId(row.kind, row.key, row.scope, row.userId);
          seen.add(id);
          decide(id, row);
          after = [row.key, row.scope, row.userId];
          if (performance.now() - started > sliceBudgetMs) return true;
        }
        return rows.length === STORED_ROWS_PER_SLICE;
      })();
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
  const storedRow = sqlite.prepare(
    `select period_kind as kind, period_key as key, scope, user_id as userId,
            points, answered, correct, last_answered_at as lastAnsweredAt
     from standings where guild_id = ? and period_kind = ? and period_key = ? and scope = ? and user_id = ?`,
  );
  const remove = sqlite.prepare(
    'delete from standings where guild_id = ? and period_kind = ? and period_key = ? and scope = ? and user_id = ?',
  );
  const upsert = sqlite.prepare(
    `insert into standings (guild_id, period_kind, period_key, scope, user_id,
                            points, answered, correct, last_answered_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict do update set points = excluded.points, answered = excluded.answered,
       correct = excluded.correct, last_answered_at = excluded.last_answered_at`,
  );
  const switchIn = sqlite.transaction((): number => {
    const latest = (maxId.get() as { id: number | null }).id ?? 0;
    readSlice(done, latest);
    for (const id of touched!) {
      actions.delete(id);
      decide(id, storedRow.get(guildId, ...splitRowId(id)) as Total | undefined);
    }
    for (const [id, action] of actions) {
      if (action === 'delete') {
        remove.run(guildId, ...splitRowId(id));
      } else {
        const t = totals.get(id)!;
        upsert.run(
          guildId,
          t.kind,
          t.key,
          t.scope,
          t.userId,
          t.points,
          t.answered,
          t.correct,
          t.lastAnsweredAt,
        );
      }
    }
    // The zone goes with its standings, so the click path buckets new answers the way the rows are.
    sqlite
      .prepare('update guilds set timezone = ?, settings_version = settings_version + 1 where id = ?')
      .run(timeZone, guildId);
    return actions.size;
  });
  // IMMEDIATE takes the write lock first: no other process can add an answer between the read and the swap.
  const rows = switchIn.immediate();
  return { rows, answers: counted, slices };
}

/** Stored rows compared per slice. */
const STORED_ROWS_PER_SLICE = 5000;

function rowId(kind: string, key: string, scope: string, userId: string): string {
  return `${kind}\u0000${key}\u0000${scope}\u0000${userId}`;
}

function splitRowId(id: string): [string, string, string, string] {
  return id.split('\u0000') as [string, string, string, string];
}

function sameTotals(a: Total, b: Total): boolean {
  return (
    a.points === b.points &&
    a.answered === b.answered &&
    a.correct === b.correct &&
    a.lastAnsweredAt === b.lastAnsweredAt
  );
}
