import type Database from 'better-sqlite3';
import type { Db } from '../db/database';
import { localDateOf } from '../time';
import { weakestTopics, type Tally } from './accuracy';
import { currentDayStreak, longestRun } from './streaks';
import { preparedPerConnection } from '../db/prepared';

export interface MemberStats extends Tally {
  points: number;
  /** Longest run of consecutive correct answers in quiz rounds. */
  bestRoundStreak: number;
  /** Consecutive local days with a daily-question answer, up to today (or yesterday). */
  dailyStreak: number;
  /** Exam domains 1–5 in order, zero tallies included. */
  domains: (Tally & { domain: number })[];
  weakestTopics: (Tally & { topic: string })[];
}

/**
 * A member's all-time figures in one server, read from the answer events (the member's slice of the
 * answers_guild_user_time index). Null when they never answered there.
 */
export function memberStats(
  db: Db,
  input: { guildId: string; userId: string; timeZone: string; now: number },
): MemberStats | null {
  const statements = preparedFor(db.$client);
  const groups = statements.byDomainAndTopic.all(input) as (Tally & {
    domain: number;
    topic: string;
    points: number;
  })[];
  if (groups.length === 0) return null;

  const sum = (rows: readonly Tally[]) =>
    rows.reduce((acc, r) => ({ answered: acc.answered + r.answered, correct: acc.correct + r.correct }), {
      answered: 0,
      correct: 0,
    });
  const domains = [1, 2, 3, 4, 5].map((domain) => ({
    domain,
    ...sum(groups.filter((g) => g.domain === domain)),
  }));
  const topics = [...new Set(groups.map((g) => g.topic))].map((topic) => ({
    topic,
    ...sum(groups.filter((g) => g.topic === topic)),
  }));

  const roundResults = (statements.roundResults.all(input) as { correct: number }[]).map(
    (r) => r.correct === 1,
  );
  const dailyDays = (
    statements.dailyAnswers.all(input) as { postDate: string | null; answeredAt: number }[]
  ).map(
    // The question's own day counts, so answering yesterday's question this morning keeps yesterday.
    (r) => r.postDate ?? localDateOf(r.answeredAt, input.timeZone),
  );

  return {
    ...sum(groups),
    points: groups.reduce((acc, g) => acc + g.points, 0),
    bestRoundStreak: longestRun(roundResults),
    dailyStreak: currentDayStreak(dailyDays, localDateOf(input.now, input.timeZone)),
    domains,
    weakestTopics: weakestTopics(topics),
  };
}

const preparedFor = preparedPerConnection(prepare);

function prepare(sqlite: Database.Database) {
  const member = 'a.guild_id = @guildId and a.user_id = @userId';
  return {
    byDomainAndTopic: sqlite.prepare(`
      select a.domain, a.topic, count(*) as answered, sum(a.correct) as correct, sum(a.points) as points
      from answers a where ${member}
      group by a.domain, a.topic`),
    roundResults: sqlite.prepare(`
      select a.correct from answers a where ${member} and a.kind = 'round'
      order by a.answered_at, a.id`),
    dailyAnswers: sqlite.prepare(`
      select d.local_date as postDate, a.answered_at as answeredAt
      from answers a left join daily_posts d on d.id = a.daily_post_id
      where ${member} and a.kind = 'daily'`),
  };
}
