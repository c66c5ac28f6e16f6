import type Database from 'better-sqlite3';
import type { Db } from '../db/database';
import type { PeriodKind } from '../db/schema';

export type RankBy = 'points' | 'accuracy';

/** '' (everything), 'd:<domain>' or 't:<topic>' — the same scopes `recordAnswer` keeps. */
export type StandingsScope = '' | `d:${number}` | `t:${string}`;

export interface StandingsQuery {
  guildId: string;
  period: PeriodKind;
  periodKey: string;
  scope: StandingsScope;
  by: RankBy;
  /** Accuracy mode only ranks members with at least this many answers in the period and scope. */
  minAnswers: number;
  limit: number;
}

export interface StandingRow {
  userId: string;
  points: number;
  answered: number;
  correct: number;
}

export interface RankedStanding extends StandingRow {
  /** Competition ranking: equal values share a rank and the next rank skips (1, 1, 3). */
  rank: number;
}

export const DEFAULT_MIN_ANSWERS = 10;
export const LEADERBOARD_SIZE = 10;

export function accuracyOf(row: Pick<StandingRow, 'answered' | 'correct'>): number {
  return row.answered === 0 ? 0 : row.correct / row.answered;
}

/** The reads of `/leaderboard`, prepared once per database (src/app/stores.ts). */
export function createStandingsQueries(db: Db) {
  const statements = prepare(db.$client);
  return {
    /**
     * The top of a period's standings. Order: the ranked value descending, then user id, so equal values
     * always list in the same order; equal values share a rank.
     */
    top(query: StandingsQuery): RankedStanding[] {
      const params = paramsOf(query);
      const rows = (
        query.by === 'points' ? statements.topByPoints.all(params) : statements.topByAccuracy.all(params)
      ) as StandingRow[];
      const valueOf = query.by === 'points' ? (r: StandingRow) => r.points : accuracyOf;
      let rank = 0;
      return rows.map((row, index) => {
        // Rows are sorted by value, so a row shares the rank of the first row with its value.
        if (index === 0 || valueOf(row) !== valueOf(rows[index - 1]!)) rank = index + 1;
        return { ...row, rank };
      });
    },
    /** A member's rank and row in the same standings, wherever they are; null when they have no answers there. */
    memberPosition(query: StandingsQuery & { userId: string }): MemberPosition | null {
      const params = { ...paramsOf(query), userId: query.userId };
      const row = statements.memberRow.get(params) as StandingRow | undefined;
      if (!row) return null;
      if (query.by === 'accuracy' && row.answered < query.minAnswers) return { ranked: false, row };
      const { ahead } = (
        query.by === 'points' ? statements.aheadByPoints.get(params) : statements.aheadByAccuracy.get(params)
      ) as { ahead: number };
      return { ranked: true, rank: ahead + 1, row };
    },
    /** How many ranked members share this row's value (the row included), e.g. everyone tied for first. */
    countTiedWith(query: StandingsQuery, row: StandingRow): number {
      const params = { ...paramsOf(query), points: row.points, answered: row.answered, correct: row.correct };
      const { tied } = (
        query.by === 'points' ? statements.tiedByPoints.get(params) : statements.tiedByAccuracy.get(params)
      ) as { tied: number };
      return tied;
    },
  };
}

export type StandingsQueries = ReturnType<typeof createStandingsQueries>;

export type MemberPosition =
  | { ranked: true; rank: number; row: StandingRow }
  /** Has answers in the period but fewer than the accuracy minimum. */
  | { ranked: false; row: StandingRow };

function paramsOf(query: StandingsQuery) {
  return {
    guildId: query.guildId,
    periodKind: query.period,
    periodKey: query.periodKey,
    scope: query.scope,
    minAnswers: query.minAnswers,
    limit: query.limit,
  };
}

/**
 * The accuracy expression is written exactly as in the `standings_by_accuracy` index so SQLite can walk
 * that index instead of sorting the whole period. Integer division would truncate: hence `* 1.0`.
 */
const ACCURACY = '(correct * 1.0 / answered)';
/**
 * Week and month rows are read in the server's current zone (a time-zone switch builds the new zone's
 * rows beside them, see sliced-rebuild.ts); the subquery is a constant, so the indexes still apply.
 */
const ZONE = `(case when @periodKind = 'all' then '' else (select timezone from guilds where id = @guildId) end)`;
const PERIOD = `guild_id = @guildId and zone = ${ZONE} and period_kind = @periodKind and period_key = @periodKey and scope = @scope`;

function prepare(sqlite: Database.Database) {
  return {
    topByPoints: sqlite.prepare(`
      select user_id as userId, points, answered, correct from standings
      where ${PERIOD}
      order by points desc, user_id
      limit @limit`),
    topByAccuracy: sqlite.prepare(`
      select user_id as userId, points, answered, correct from standings
      where ${PERIOD} and answered >= @minAnswers
      order by ${ACCURACY} desc, user_id
      limit @limit`),
    memberRow: sqlite.prepare(`
      select user_id as userId, points, answered, correct from standings
      where ${PERIOD} and user_id = @userId`),
    aheadByPoints: sqlite.prepare(`
      select count(*) as ahead from standings
      where ${PERIOD}
        and points > (select points from standings where ${PERIOD} and user_id = @userId)`),
    aheadByAccuracy: sqlite.prepare(`
      select count(*) as ahead from standings
      where ${PERIOD} and answered >= @minAnswers
        and ${ACCURACY} > (select ${ACCURACY} from standings where ${PERIOD} and user_id = @userId)`),
    tiedByPoints: sqlite.prepare(`
      select count(*) as tied from standings where ${PERIOD} and points = @points`),
    tiedByAccuracy: sqlite.prepare(`
      select count(*) as tied from standings
      where ${PERIOD} and answered >= @minAnswers and ${ACCURACY} = (@correct * 1.0 / @answered)`),
  };
}
