import type { Db } from '../../src/db/database';
import type { Question } from '../../src/deck/types';
import { markOpened } from '../../src/quiz/round-store';
import { startRound } from '../../src/quiz/start-round';

/**
 * A one-question round of `question` in server 'g', channel 'c', opened at `openedAt` for 20 s through the
 * real round rules and store (the answer recorders' tests click it); returns the round's id.
 */
export function openOneQuestionRound(db: Db, question: Question, openedAt: number): number {
  const started = startRound(
    { db, questions: [question], topics: [], defaultTimezone: 'UTC', now: openedAt, random: Math.random },
    {
      guildId: 'g',
      channelId: 'c',
      starterId: 's',
      locale: 'pt-BR',
      questionCount: 1,
      secondsPerQuestion: 20,
      topic: null,
      domain: null,
    },
  );
  if (started.kind !== 'started') throw new Error(started.kind);
  markOpened(db, started.round.id, 0, openedAt, openedAt + 20_000);
  return started.round.id;
}
