import type Database from 'better-sqlite3';
import type { Db } from '../db/database';
import { preparedPerConnection } from '../db/prepared';
import type { Tally } from '../stats/accuracy';

const DAY = 86_400_000;
export const WEEK = 7 * DAY;

interface Member {
  guildId: string;
  userId: string;
}

/** Answers (every kind) per exam domain since `since`. */
export function answersByDomainSince(db: Db, member: Member, since: number): Map<number, Tally> {
  const rows = preparedFor(db.$client).byDomain.all({ ...member, since }) as (Tally & { domain: number })[];
  return new Map(rows.map((r) => [r.domain, { answered: r.answered, correct: r.correct }]));
}

/** Answers (every kind) per item since `since`. */
export function answersByQuestionSince(db: Db, member: Member, since: number): Map<string, Tally> {
  const rows = preparedFor(db.$client).byQuestion.all({ ...member, since }) as (Tally & {
    questionId: string;
  })[];
  return new Map(rows.map((r) => [r.questionId, { answered: r.answered, correct: r.correct }]));
}

/** Accuracy in each of the last `weeks` 7-day windows ending at `now`, oldest first (answered 0 = none). */
export function weeklyAccuracy(db: Db, member: Member, now: number, weeks = 8): Tally[] {
  const since = now - weeks * WEEK;
  const rows = preparedFor(db.$client).weekly.all({ ...member, since, now }) as (Tally & { week: number })[];
  const out = Array.from({ length: weeks }, () => ({ answered: 0, correct: 0 }));
  for (const r of rows) {
    const slot = out[Math.min(r.week, weeks - 1)]!;
    slot.answered += r.answered;
    slot.correct += r.correct;
  }
  return out;
}

const preparedFor = preparedPerConnection(prepare);

function prepare(sqlite: Database.Database) {
  const member = 'guild_id = @guildId and user_id = @userId';
  return {
    byDomain: sqlite.prepare(`
      select domain, count(*) as answered, sum(correct) as correct from answers
      where ${member} and answered_at >= @since group by domain`),
    byQuestion: sqlite.prepare(`
      select question_id as questionId, count(*) as answered, sum(correct) as correct from answers
      where ${member} and answered_at >= @since group by question_id`),
    weekly: sqlite.prepare(`
      select (answered_at - @since) / ${WEEK} as week, count(*) as answered, sum(correct) as correct
      from answers where ${member} and answered_at >= @since and answered_at < @now + 1
      group by week`),
  };
}
