import type Database from 'better-sqlite3';
import { storeChoice } from './choice';
import type { Db } from '../db/database';
import type { AnswerKind } from '../db/schema';
import { periodKeysAt } from './period-keys';
import { preparedPerConnection } from '../db/prepared';

export interface AnswerInput {
  guildId: string;
  userId: string;
  questionId: string;
  kind: AnswerKind;
  roundId?: number | null;
  dailyPostId?: number | null;
  practiceSessionId?: number | null;
  /** Chosen option indexes (order questions: in the chosen order). */
  choice: readonly number[];
  correct: boolean;
  responseMs: number;
  points: number;
  domain: number;
  topic: string;
  answeredAt: number;
}

export type RecordResult = { recorded: true; answerId: number } | { recorded: false; reason: 'duplicate' };

/**
 * Private practice ("test me", /practice) and mock exams count in the member's own stats (read from the
 * answer events) but not in the server's race: they are private and can be repeated at will.
 */
export function countsOnLeaderboard(kind: AnswerKind): boolean {
  return kind !== 'practice' && kind !== 'mock';
}

/** Standings scopes one answer counts in: everything, its exam domain, its topic. */
export function scopesOf(domain: number, topic: string): string[] {
  return ['', `d:${domain}`, `t:${topic}`];
}

/**
 * Records one answer event and updates the standings in the same synchronous transaction. The unique
 * indexes decide duplicates (a second click, two processes racing): the first answer counts, a later
 * one changes nothing and says so. Periods use the server's time zone; practice answers get no standings. This is the click hot path, so
 * its statements are prepared once per database connection.
 */
export function recordAnswer(db: Db, input: AnswerInput): RecordResult {
  const statements = preparedFor(db.$client);
  return db.$client.transaction((): RecordResult => {
    const inserted = statements.insertAnswer.get({
      ...input,
      roundId: input.roundId ?? null,
      dailyPostId: input.dailyPostId ?? null,
      practiceSessionId: input.practiceSessionId ?? null,
      choice: storeChoice(input.choice),
      correct: input.correct ? 1 : 0,
    }) as { id: number } | undefined;
    if (!inserted) return { recorded: false, reason: 'duplicate' };

    if (!countsOnLeaderboard(input.kind)) return { recorded: true, answerId: inserted.id };
    const timeZone = (statements.guildTimeZone.get(input.guildId) as { timezone: string } | undefined)
      ?.timezone;
    if (!timeZone) throw new Error(`answer for unknown guild ${input.guildId}: create its settings first`);
    const keys = periodKeysAt(input.answeredAt, timeZone);
    for (const [periodKind, periodKey] of Object.entries(keys)) {
      for (const scope of scopesOf(input.domain, input.topic)) {
        statements.upsertStanding.run({
          guildId: input.guildId,
          periodKind,
          periodKey,
          scope,
          userId: input.userId,
          points: input.points,
          correct: input.correct ? 1 : 0,
          answeredAt: input.answeredAt,
        });
      }
    }
    return { recorded: true, answerId: inserted.id };
  })();
}

const preparedFor = preparedPerConnection(prepare);

function prepare(sqlite: Database.Database) {
  return {
    insertAnswer: sqlite.prepare(`
      insert into answers (guild_id, user_id, question_id, kind, round_id, daily_post_id, practice_session_id,
                           choice, correct, response_ms, points, domain, topic, answered_at)
      values (@guildId, @userId, @questionId, @kind, @roundId, @dailyPostId, @practiceSessionId, @choice, @correct,
              @responseMs, @points, @domain, @topic, @answeredAt)
      on conflict do nothing
      returning id`),
    guildTimeZone: sqlite.prepare('select timezone from guilds where id = ?'),
    upsertStanding: sqlite.prepare(`
      insert into standings (guild_id, period_kind, period_key, scope, user_id, points, answered, correct, last_answered_at)
      values (@guildId, @periodKind, @periodKey, @scope, @userId, @points, 1, @correct, @answeredAt)
      on conflict (guild_id, period_kind, period_key, scope, user_id) do update set
        points = points + excluded.points,
        answered = answered + 1,
        correct = correct + excluded.correct,
        last_answered_at = max(last_answered_at, excluded.last_answered_at)`),
  };
}
