import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { answers, guilds, standings } from '../db/schema';
import { addToStandingsRow } from '../leaderboard/rebuild-store';

/** SQL of the answer events (`answers`) and the standings kept with them, prepared once per Db. */
export type NewAnswer = Omit<typeof answers.$inferInsert, 'id'>;
type StandingRow = typeof standings.$inferInsert;
/** One answer as the standings count it: its period keys (week, month) and its 3 scopes. */
export interface StandingsAnswer extends Pick<
  StandingRow,
  'guildId' | 'userId' | 'points' | 'correct' | 'lastAnsweredAt'
> {
  periodKeys: Record<'week' | 'month', string>;
  /** The server's time zone the period keys are in: the week and month rows' `zone`. */
  timeZone: string;
  /** Everything (''), the exam domain, the topic: see scopesOf in record-answer.ts. */
  scopes: readonly [string, string, string];
}

const p = sql.placeholder;

export function createAnswerStore(db: Db) {
  const insertAnswer = db
    .insert(answers)
    .values({
      guildId: p('guildId'),
      userId: p('userId'),
      questionId: p('questionId'),
      kind: p('kind'),
      roundId: p('roundId'),
      dailyPostId: p('dailyPostId'),
      practiceSessionId: p('practiceSessionId'),
      choice: p('choice'),
      correct: p('correct'),
      responseMs: p('responseMs'),
      points: p('points'),
      domain: p('domain'),
      topic: p('topic'),
      answeredAt: p('answeredAt'),
    })
    .onConflictDoNothing()
    .returning({ id: answers.id })
    .prepare();
  const guildTimeZone = db
    .select({ timezone: guilds.timezone })
    .from(guilds)
    .where(eq(guilds.id, p('guildId')))
    .prepare();
  // The 9 standings rows of one answer (3 periods × 3 scopes) in ONE statement: a click pays one call.
  // Inside a transaction (every caller that counts on the leaderboard) it measured as fast as 9 raw
  // statements, where 9 drizzle ones were slower; on its own commit it is slower (bench/submit.bench.ts).
  const periods = [
    ['week', p('weekKey'), p('timeZone')],
    ['month', p('monthKey'), p('timeZone')],
    ['all', 'all', ''],
  ] as const;
  const scopes = [p('everythingScope'), p('domainScope'), p('topicScope')];
  const addToStandings = db
    .insert(standings)
    .values(
      periods.flatMap(([periodKind, periodKey, zone]) =>
        scopes.map((scope) => ({
          guildId: p('guildId'),
          zone,
          periodKind,
          periodKey,
          scope,
          userId: p('userId'),
          points: p('points'),
          answered: 1,
          correct: p('correct'),
          lastAnsweredAt: p('lastAnsweredAt'),
        })),
      ),
    )
    .onConflictDoUpdate(addToStandingsRow)
    .prepare();

  return {
    /** The new row's id, or undefined when a unique index says this member already answered. */
    insertAnswer(row: NewAnswer): number | undefined {
      return insertAnswer.get({
        ...row,
        roundId: row.roundId ?? null,
        dailyPostId: row.dailyPostId ?? null,
        practiceSessionId: row.practiceSessionId ?? null,
      })?.id;
    },
    guildTimeZone(guildId: string): string | undefined {
      return guildTimeZone.get({ guildId })?.timezone;
    },
    /** Adds one answer to its 9 standings rows, creating those the member has no row in yet. */
    addToStandings(answer: StandingsAnswer): void {
      const [everythingScope, domainScope, topicScope] = answer.scopes;
      addToStandings.run({
        guildId: answer.guildId,
        userId: answer.userId,
        points: answer.points,
        correct: answer.correct,
        lastAnsweredAt: answer.lastAnsweredAt,
        weekKey: answer.periodKeys.week,
        monthKey: answer.periodKeys.month,
        timeZone: answer.timeZone,
        everythingScope,
        domainScope,
        topicScope,
      });
    },
  };
}

export type AnswerStore = ReturnType<typeof createAnswerStore>;
