import { parseStoredChoice } from '../answers/choice';
import { recordAnswer } from '../answers/record-answer';
import type { AnswerStore } from '../answers/answer-store';
import type { WithStores } from '../db/with-stores';
import type { DeckIndex } from '../deck';
import { isCorrectChoice } from '../quiz/scoring';
import { choiceOf, formatChoice } from './answer-controls';
import type { DailyPostStore } from './daily-post-store';

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
 * The server's settings row exists: its post does (foreign key), so `defaultTimezone` is not needed.
 */
export function answerDailyQuestion(
  { db, stores }: WithStores<{ dailyPosts: DailyPostStore; answers: AnswerStore }>,
  deck: DeckIndex,
  input: DailyAnswerInput,
  _defaultTimezone: string,
  now: number,
): DailyAnswerResult {
  const store = stores.dailyPosts;
  return db.transaction(
    (): DailyAnswerResult => {
      const post = store.findPost(input.postId);
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

      const correct = isCorrectChoice(choice, question.answers, question.type);
      const recorded = recordAnswer(
        { db, stores },
        {
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
        },
      );
      if (recorded.recorded) return { status: 'recorded', choice: formatChoice(question, choice), correct };
      const earlier = store.memberChoice(post.id, input.userId);
      return {
        status: 'duplicate',
        choice: earlier === undefined ? '?' : formatChoice(question, parseStoredChoice(earlier)),
      };
    },
    { behavior: 'immediate' },
  );
}
