import { and, eq } from 'drizzle-orm';
import { parseStoredChoice } from '../answers/choice';
import { recordAnswer } from '../answers/record-answer';
import type { Db } from '../db/database';
import { answers } from '../db/schema';
import type { DeckIndex } from '../deck';
import type { Question } from '../deck/types';
import { ensureGuild } from '../guilds/guild-settings';
import { isCorrectChoice } from '../quiz/scoring';
import { choiceOf, formatChoice } from './answer-controls';
import { findDailyPost } from './daily-post-store';

/** Flat points for the question of the day: speed over 24 hours means nothing. */
export const DAILY_POINTS_RIGHT = 1000;

export type DailyAnswerInput =
  | { postId: number; guildId: string; userId: string; option: number }
  | { postId: number; guildId: string; userId: string; values: readonly string[] }
  | { postId: number; guildId: string; userId: string; full: readonly number[] };

export type DailyAnswerResult =
  | { status: 'recorded'; choice: string; correct: boolean }
  | { status: 'duplicate'; choice: string }
  | { status: 'closed' | 'gone' | 'bad-choice' };

/**
 * A member's answer to a question of the day. The first answer per member counts (the unique index on
 * daily post + user decides, even between two processes); a closed question takes no more answers.
 * Check and record run in one transaction, so an answer cannot slip in after the result was tallied;
 * an immediate one, so a second process waits for the write lock (busy_timeout) instead of failing.
 */
export function answerDailyQuestion(
  db: Db,
  deck: DeckIndex,
  input: DailyAnswerInput,
  defaultTimezone: string,
  now: number,
): DailyAnswerResult {
  return db.$client
    .transaction((): DailyAnswerResult => {
      const post = findDailyPost(db, input.postId);
      if (!post || post.kind !== 'question' || post.guildId !== input.guildId) return { status: 'gone' };
      if (post.closedAt !== null) return { status: 'closed' };
      const question = deck.questionById.get(post.subject);
      if (!question) return { status: 'gone' };
      const choice = choiceOf(
        question,
        'option' in input
          ? { button: input.option }
          : 'values' in input
            ? { values: input.values }
            : { full: input.full },
      );
      if (choice === null) return { status: 'bad-choice' };

      ensureGuild(db, input.guildId, defaultTimezone, now);
      const correct = isCorrectChoice(choice, question.answers, question.type);
      const recorded = recordAnswer(db, {
        guildId: input.guildId,
        userId: input.userId,
        questionId: question.id,
        kind: 'daily',
        dailyPostId: post.id,
        choice,
        correct,
        responseMs: Math.max(0, now - post.postedAt),
        points: correct ? DAILY_POINTS_RIGHT : 0,
        domain: question.domain,
        topic: question.topic,
        answeredAt: now,
      });
      if (recorded.recorded) return { status: 'recorded', choice: formatChoice(question, choice), correct };
      return { status: 'duplicate', choice: previousChoice(db, question, post.id, input.userId) };
    })
    .immediate();
}

function previousChoice(db: Db, question: Question, postId: number, userId: string): string {
  const row = db
    .select({ choice: answers.choice })
    .from(answers)
    .where(and(eq(answers.dailyPostId, postId), eq(answers.userId, userId)))
    .get();
  return row ? formatChoice(question, parseStoredChoice(row.choice)) : '?';
}
