import { periodKeysAt } from '../answers/period-keys';
import type { PeriodKind } from '../db/schema';
import { localDateOf, periodRange, previousPeriodKey } from '../time';
import {
  LEADERBOARD_SIZE,
  type MemberPosition,
  type RankBy,
  type RankedStanding,
  type StandingsQueries,
  type StandingsQuery,
  type StandingsScope,
} from './standings-queries';

export interface LeaderboardRequest {
  guildId: string;
  userId: string;
  period: PeriodKind;
  scope: StandingsScope;
  by: RankBy;
  minAnswers: number;
  /** The server's IANA time zone: periods are its local weeks and months. */
  timeZone: string;
  now: number;
}

export interface LeaderboardView {
  request: LeaderboardRequest;
  periodKey: string;
  /** First and last local dates ('YYYY-MM-DD') of the period; null for all time. */
  dates: { first: string; last: string } | null;
  top: RankedStanding[];
  /** The caller's own line when they are not in `top` (null when they have no answers in the period). */
  caller: MemberPosition | null;
  callerInTop: boolean;
  /** Someone answered in this period and scope (accuracy mode may still rank nobody). */
  anyAnswers: boolean;
  /**
   * Winners of each of the last months, most recent first, empty months skipped: the first few members
   * sharing rank 1, and how many share it in all.
   */
  pastWinners: { monthKey: string; winners: RankedStanding[]; tied: number }[];
}

export const PAST_WINNER_MONTHS = 3;
/** Past winners named in full; a wider tie is counted. */
export const PAST_WINNERS_NAMED = 5;

/** Everything `/leaderboard` shows, read from the standings for the period the server is in at `now`. */
export function buildLeaderboardView(
  standings: StandingsQueries,
  request: LeaderboardRequest,
): LeaderboardView {
  const keys = periodKeysAt(request.now, request.timeZone);
  const periodKey = keys[request.period];
  const query: StandingsQuery = {
    guildId: request.guildId,
    period: request.period,
    periodKey,
    scope: request.scope,
    by: request.by,
    minAnswers: request.minAnswers,
    limit: LEADERBOARD_SIZE,
  };
  const top = standings.top(query);
  const callerInTop = top.some((row) => row.userId === request.userId);
  const anyAnswers = top.length > 0 || standings.top({ ...query, by: 'points', limit: 1 }).length > 0;
  const pastMonths = [previousPeriodKey('month', keys.month)];
  while (pastMonths.length < PAST_WINNER_MONTHS)
    pastMonths.push(previousPeriodKey('month', pastMonths.at(-1)!));
  const pastWinners = pastMonths.flatMap((monthKey) => {
    const monthQuery = {
      ...query,
      period: 'month' as const,
      periodKey: monthKey,
      limit: PAST_WINNERS_NAMED + 1,
    };
    const winners = standings.top(monthQuery).filter((row) => row.rank === 1);
    if (winners.length === 0) return [];
    // Only a tie wider than the names shown needs counting.
    const tied =
      winners.length > PAST_WINNERS_NAMED ? standings.countTiedWith(monthQuery, winners[0]!) : winners.length;
    return [{ monthKey, winners: winners.slice(0, PAST_WINNERS_NAMED), tied }];
  });
  return {
    request,
    periodKey,
    dates: periodDates(request.period, periodKey, request.timeZone),
    top,
    caller: callerInTop ? null : standings.memberPosition({ ...query, userId: request.userId }),
    callerInTop,
    anyAnswers,
    pastWinners,
  };
}

function periodDates(period: PeriodKind, key: string, timeZone: string): LeaderboardView['dates'] {
  if (period === 'all') return null;
  const range = periodRange(period, key, timeZone);
  return { first: localDateOf(range.start, timeZone), last: localDateOf(range.end - 1, timeZone) };
}
