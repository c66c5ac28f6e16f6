import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { answers, dailyPosts } from '../db/schema';
import { localDateOf } from '../time';
import { weakestTopics, type Tally } from './accuracy';
import { currentDayStreak, longestRun } from './streaks';

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
  const ofMember = and(eq(answers.guildId, input.guildId), eq(answers.userId, input.userId));
  const groups = db
    .select({
      domain: answers.domain,
      topic: answers.topic,
      answered: count(),
      correct: sql<number>`sum(${answers.correct})`,
      points: sql<number>`sum(${answers.points})`,
    })
    .from(answers)
    .where(ofMember)
    .groupBy(answers.domain, answers.topic)
    .all();
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

  const roundResults = db
    .select({ correct: answers.correct })
    .from(answers)
    .where(and(ofMember, eq(answers.kind, 'round')))
    .orderBy(asc(answers.answeredAt), asc(answers.id))
    .all()
    .map((r) => r.correct);
  const dailyDays = db
    .select({ postDate: dailyPosts.localDate, answeredAt: answers.answeredAt })
    .from(answers)
    .leftJoin(dailyPosts, eq(dailyPosts.id, answers.dailyPostId))
    .where(and(ofMember, eq(answers.kind, 'daily')))
    .all()
    // The question's own day counts, so answering yesterday's question this morning keeps yesterday.
    .map((r) => r.postDate ?? localDateOf(r.answeredAt, input.timeZone));

  return {
    ...sum(groups),
    points: groups.reduce((acc, g) => acc + g.points, 0),
    bestRoundStreak: longestRun(roundResults),
    dailyStreak: currentDayStreak(dailyDays, localDateOf(input.now, input.timeZone)),
    domains,
    weakestTopics: weakestTopics(topics),
  };
}
