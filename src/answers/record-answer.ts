import { storeChoice } from './choice';
import type { AnswerKind } from '../db/schema';
import type { WithStores } from '../db/with-stores';
import type { AnswerStore } from './answer-store';
import { periodKeysAt } from './period-keys';

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
export function scopesOf(domain: number, topic: string): [string, string, string] {
  return ['', `d:${domain}`, `t:${topic}`];
}

/**
 * Records one answer event and updates the standings in the same synchronous transaction (a savepoint
 * inside the caller's). The unique indexes decide duplicates (a second click, two processes racing): the
 * first answer counts, a later one changes nothing and says so. Periods use the server's time zone;
 * practice and mock answers get no standings. This is the click hot path: the store's statements are
 * prepared once per Db (`ctx.stores.answers`).
 */
export function recordAnswer(
  { db, stores }: WithStores<{ answers: AnswerStore }>,
  input: AnswerInput,
): RecordResult {
  const store = stores.answers;
  return db.transaction((): RecordResult => {
    const answerId = store.insertAnswer({ ...input, choice: storeChoice(input.choice) });
    if (answerId === undefined) return { recorded: false, reason: 'duplicate' };
    if (!countsOnLeaderboard(input.kind)) return { recorded: true, answerId };

    const timeZone = store.guildTimeZone(input.guildId);
    if (!timeZone) throw new Error(`answer for unknown guild ${input.guildId}: create its settings first`);
    store.addToStandings({
      guildId: input.guildId,
      userId: input.userId,
      points: input.points,
      correct: input.correct ? 1 : 0,
      lastAnsweredAt: input.answeredAt,
      periodKeys: periodKeysAt(input.answeredAt, timeZone),
      timeZone,
      scopes: scopesOf(input.domain, input.topic),
    });
    return { recorded: true, answerId };
  });
}
