import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  answersByDomainSince,
  answersByQuestionSince,
  WEEK,
  weeklyAccuracy,
} from '../../src/readiness/readiness-store';
import { seedAnswer, seedGuild } from '../support/seed-answers';
import { createTempDb } from '../support/temp-db';

const member = { guildId: 'g1', userId: 'u1' };
const now = Date.UTC(2026, 11, 1, 12);

describe('readiness reads', () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
    seedGuild(temp.db, 'UTC');
  });
  afterEach(() => temp.cleanup());

  it('tallies per 7-day window ending now, oldest first, and per domain and item since a date', () => {
    const at = (weeksAgo: number, correct: boolean, over: { domain?: number; questionId?: string } = {}) =>
      seedAnswer(temp, { ...member, answeredAt: now - weeksAgo * WEEK - 1, correct, ...over });
    at(0, true, { domain: 2, questionId: 'qa' });
    at(0, false, { domain: 2 });
    at(3, true, { questionId: 'qb' });
    at(8, true); // older than the 8 windows
    seedAnswer(temp, { guildId: 'g1', userId: 'someone-else', answeredAt: now, correct: true });

    const weeks = weeklyAccuracy(temp.db, member, now);
    expect(weeks).toHaveLength(8);
    expect(weeks[7]).toEqual({ answered: 2, correct: 1 });
    expect(weeks[4]).toEqual({ answered: 1, correct: 1 });
    expect(weeks.reduce((n, w) => n + w.answered, 0)).toBe(3);

    const since = now - 4 * WEEK;
    expect(answersByDomainSince(temp.db, member, since)).toEqual(
      new Map([
        [1, { answered: 1, correct: 1 }],
        [2, { answered: 2, correct: 1 }],
      ]),
    );
    const byItem = answersByQuestionSince(temp.db, member, since);
    expect(byItem.get('qa')).toEqual({ answered: 1, correct: 1 });
    expect(byItem.get('qb')).toEqual({ answered: 1, correct: 1 });
    expect(byItem.size).toBe(3);
  });
});
