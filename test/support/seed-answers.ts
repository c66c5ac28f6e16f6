import type { AnswerStore } from '../../src/answers/answer-store';
import { recordAnswer, type AnswerInput } from '../../src/answers/record-answer';
import type { Db } from '../../src/db/database';
import type { WithStores } from '../../src/db/with-stores';
import { ensureGuild } from '../../src/guilds/guild-settings';

let sequence = 0;

/**
 * Records one answer through the real hot path (standings included); unique question ids by default.
 * `data` is a temporary database (`createTempDb()`) or the bot's context.
 */
export function seedAnswer(
  data: WithStores<{ answers: AnswerStore }>,
  over: Partial<AnswerInput> & Pick<AnswerInput, 'userId'>,
): void {
  sequence += 1;
  const result = recordAnswer(data, {
    guildId: 'g1',
    questionId: `q${sequence}`,
    kind: 'round',
    choice: [0],
    correct: true,
    responseMs: 3000,
    points: over.correct === false ? 0 : 100,
    domain: 1,
    topic: 'Machine Learning',
    answeredAt: Date.UTC(2026, 10, 25, 12),
    ...over,
  });
  if (!result.recorded) throw new Error('seed answer was a duplicate');
}

export function seedGuild(db: Db, timeZone: string, guildId = 'g1'): void {
  ensureGuild(db, guildId, timeZone, 0);
}
