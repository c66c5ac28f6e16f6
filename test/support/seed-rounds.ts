import type { Db } from '../../src/db/database';
import type { Question } from '../../src/deck/types';
import { ensureGuild } from '../../src/guilds/guild-settings';
import { createRound, endRound, markOpened, markRevealed } from '../../src/quiz/round-store';

/** A question of a seeded round, open for answers from `openedAt` for a minute. */
export interface OpenQuestion {
  roundId: number;
  position: number;
  openedAt: number;
}

const ANSWER_WINDOW_MS = 60_000;

/**
 * Quiz rounds of `questions` in one server, one after another, through the real round store: yields each
 * question as it opens. Asking for the next one reveals the current question a minute later and opens the
 * next (after a round's last question, ends it and starts the next round in channel `${channelPrefix}N`).
 * The server's settings are created first. Without `rounds`, it goes on for as long as it is asked.
 */
export function* seedRounds(
  db: Db,
  options: {
    guildId: string;
    channelPrefix: string;
    questions: readonly Question[];
    startAt: number;
    timeZone?: string;
    rounds?: number;
  },
): Generator<OpenQuestion, void, void> {
  const { guildId, questions } = options;
  let now = options.startAt;
  ensureGuild(db, guildId, options.timeZone ?? 'UTC', now);
  for (let round = 0; round < (options.rounds ?? Infinity); round++) {
    const created = createRound(db, {
      guildId,
      channelId: `${options.channelPrefix}${round}`,
      starterId: 'starter',
      locale: 'pt-BR',
      secondsPerQuestion: ANSWER_WINDOW_MS / 1000,
      topic: null,
      domain: null,
      questionIds: questions.map((q) => q.id),
      now,
    });
    if (!created.ok) throw new Error(`seeded round in ${options.channelPrefix}${round} not created`);
    const roundId = created.round.id;
    for (let position = 0; position < questions.length; position++) {
      markOpened(db, roundId, position, now, now + ANSWER_WINDOW_MS);
      yield { roundId, position, openedAt: now };
      now += ANSWER_WINDOW_MS;
      markRevealed(db, roundId, position, now);
    }
    endRound(db, roundId, 'finished', now);
  }
}
