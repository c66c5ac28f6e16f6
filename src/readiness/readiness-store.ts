import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { answers } from '../db/schema';
import type { Tally } from '../stats/accuracy';

const DAY = 86_400_000;
export const WEEK = 7 * DAY;

interface Member {
  guildId: string;
  userId: string;
}

/** SQL of /stats readiness: one member's answers (every kind), read once per command. */
const tally = { answered: count(), correct: sql<number>`sum(${answers.correct})` };
const answeredSince = (member: Member, since: number) =>
  and(eq(answers.guildId, member.guildId), eq(answers.userId, member.userId), gte(answers.answeredAt, since));

/** Answers (every kind) per exam domain since `since`. */
export function answersByDomainSince(db: Db, member: Member, since: number): Map<number, Tally> {
  const rows = db
    .select({ domain: answers.domain, ...tally })
    .from(answers)
    .where(answeredSince(member, since))
    .groupBy(answers.domain)
    .all();
  return new Map(rows.map((r) => [r.domain, { answered: r.answered, correct: r.correct }]));
}

/** Answers (every kind) per item since `since`. */
export function answersByQuestionSince(db: Db, member: Member, since: number): Map<string, Tally> {
  const rows = db
    .select({ questionId: answers.questionId, ...tally })
    .from(answers)
    .where(answeredSince(member, since))
    .groupBy(answers.questionId)
    .all();
  return new Map(rows.map((r) => [r.questionId, { answered: r.answered, correct: r.correct }]));
}

/** Accuracy in each of the last `weeks` 7-day windows ending at `now`, oldest first (answered 0 = none). */
export function weeklyAccuracy(db: Db, member: Member, now: number, weeks = 8): Tally[] {
  const since = now - weeks * WEEK;
  // The 0-based window of each answer. Cast: better-sqlite3 binds JS numbers as REAL, and a REAL
  // quotient is no array index.
  const week = sql<number>`cast((${answers.answeredAt} - ${since}) / ${WEEK} as integer)`.as('week');
  const rows = db
    .select({ week, ...tally })
    .from(answers)
    .where(and(answeredSince(member, since), lt(answers.answeredAt, now + 1)))
    .groupBy((fields) => fields.week)
    .all();
  const out = Array.from({ length: weeks }, () => ({ answered: 0, correct: 0 }));
  for (const r of rows) {
    const slot = out[Math.min(r.week, weeks - 1)]!;
    slot.answered += r.answered;
    slot.correct += r.correct;
  }
  return out;
}
