import { periodKeysAt } from '../answers/period-keys';
import { scopesOf } from '../answers/record-answer';
import type { Db } from '../db/database';

/** Answer ids read per slice: one slice is one short read transaction (see bench/leaderboard.bench.ts). */
export const DEFAULT_SLICE_IDS = 4000;

/** Lets the event loop run between slices; tests pass their own to look at the database mid-rebuild. */
export type Pause = () => Promise<void>;
export const yieldToEventLoop: Pause = () => new Promise((resolve) => setImmediate(resolve));

export interface SlicedRebuildOptions {
  /** The zone the new standings are bucketed in; stored as the guild's zone when they are switched in. */
  timeZone: string;
  sliceIds?: number;
  pause?: Pause;
}

export interface SlicedRebuildResult {
  /** Week and month standings rows written by the switch. */
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
 * in memory where no leaderboard reads them, and one short write transaction at the end folds in the
 * answers recorded meanwhile, swaps the week and month rows and stores the zone. Until then the click
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
  const { timeZone, sliceIds = DEFAULT_SLICE_IDS, pause = yieldToEventLoop } = options;
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
  const keysByQuarter = new Map<number, Record<'week' | 'month', string>>();
  let counted = 0;
  let slices = 0;

  const add = (answer: AnswerRow): void => {
    const quarter = Math.floor(answer.answeredAt / QUARTER_HOUR_MS);
    let keys = keysByQuarter.get(quarter);
    if (!keys) {
      keys = periodKeysAt(answer.answeredAt, timeZone);
      keysByQuarter.set(quarter, keys);
    }
    for (const kind of ['week', 'month'] as const) {
      for (const scope of scopesOf(answer.domain, answer.topic)) {
        const id = `${kind}\u0000${keys[kind]}\u0000${scope}\u0000${answer.userId}`;
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
  const readSlice = (afterId: number, toId: number): void => {
    for (const row of slice.iterate(afterId, toId, guildId) as IterableIterator<AnswerRow>) add(row);
    slices += 1;
  };

  const guild = sqlite.prepare('select timezone from guilds where id = ?').get(guildId) as
    { timezone: string } | undefined;
  if (!guild) throw new Error(`cannot rebuild standings of unknown guild ${guildId}`);

  // Catch up slice by slice until what is left is small enough for the switch itself; the snapshot
  // point moves up while members keep answering.
  let done = 0;
  for (;;) {
    const latest = (maxId.get() as { id: number | null }).id ?? 0;
    if (latest - done <= sliceIds) break;
    const to = Math.min(latest, done + sliceIds);
    sqlite.transaction(() => readSlice(done, to))();
    done = to;
    await pause();
  }

  const switchIn = sqlite.transaction((): number => {
    const latest = (maxId.get() as { id: number | null }).id ?? 0;
    readSlice(done, latest);
    sqlite
      .prepare("delete from standings where guild_id = ? and period_kind in ('week', 'month')")
      .run(guildId);
    const insert = sqlite.prepare(
      `insert into standings (guild_id, period_kind, period_key, scope, user_id,
                              points, answered, correct, last_answered_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const t of totals.values()) {
      insert.run(
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
    // The zone goes with its standings, so the click path buckets new answers the way the rows are.
    sqlite
      .prepare('update guilds set timezone = ?, settings_version = settings_version + 1 where id = ?')
      .run(timeZone, guildId);
    return totals.size;
  });
  // IMMEDIATE takes the write lock first: no other process can add an answer between the read and the swap.
  const rows = switchIn.immediate();
  return { rows, answers: counted, slices };
}
