import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { periodKeysAt } from '../../src/answers/period-keys';
import { recordAnswer, type AnswerInput } from '../../src/answers/record-answer';
import { answers, guilds, rounds, standings } from '../../src/db/schema';
import { createTempDb } from '../support/temp-db';

describe('period keys', () => {
  it("follows the server's time zone across midnight", () => {
    // Sunday 2026-11-29 23:30 in São Paulo is already Monday 02:30 UTC.
    const instant = Date.UTC(2026, 10, 30, 2, 30);
    expect(periodKeysAt(instant, 'America/Sao_Paulo')).toEqual({
      week: '2026-W48',
      month: '2026-11',
      all: 'all',
    });
    expect(periodKeysAt(instant, 'UTC')).toEqual({ week: '2026-W49', month: '2026-11', all: 'all' });
  });
});

describe('recordAnswer', () => {
  let temp: ReturnType<typeof createTempDb>;
  let roundId: number;
  beforeEach(() => {
    temp = createTempDb();
    temp.db.insert(guilds).values({ id: 'g1', timezone: 'America/Sao_Paulo', createdAt: 0 }).run();
    roundId = temp.db
      .insert(rounds)
      .values({
        guildId: 'g1',
        channelId: 'c',
        starterId: 'u',
        locale: 'pt-BR',
        questionCount: 3,
        secondsPerQuestion: 20,
        createdAt: 0,
      })
      .returning({ id: rounds.id })
      .get().id;
  });
  afterEach(() => temp.cleanup());

  const answer = (over: Partial<AnswerInput> = {}): AnswerInput => ({
    guildId: 'g1',
    userId: 'u1',
    questionId: 'q1',
    kind: 'round',
    roundId,
    choice: [2],
    correct: true,
    responseMs: 4000,
    points: 900,
    domain: 2,
    topic: 'Embeddings',
    answeredAt: Date.UTC(2026, 10, 27, 12),
    ...over,
  });

  it('keeps the first answer of a member to a round question and refuses the second', () => {
    expect(recordAnswer(temp, answer())).toMatchObject({ recorded: true });
    expect(recordAnswer(temp, answer({ choice: [1], correct: false, points: 0 }))).toEqual({
      recorded: false,
      reason: 'duplicate',
    });
    const rows = temp.db.select().from(answers).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ choice: '2', correct: true, points: 900 });
  });

  it('updates week, month and all-time standings for everything, the domain and the topic', () => {
    recordAnswer(temp, answer());
    recordAnswer(temp, answer({ questionId: 'q2', correct: false, points: 0 }));
    const rows = temp.db.select().from(standings).where(eq(standings.userId, 'u1')).all();
    expect(rows).toHaveLength(9);
    for (const row of rows) expect(row).toMatchObject({ points: 900, answered: 2, correct: 1 });
    const week = temp.db
      .select()
      .from(standings)
      .where(and(eq(standings.periodKind, 'week'), eq(standings.scope, 'd:2')))
      .get();
    expect(week?.periodKey).toBe('2026-W48');
  });

  it('rolls back the answer when the standings cannot be written', () => {
    expect(() => recordAnswer(temp, answer({ guildId: 'unknown', roundId: null }))).toThrow();
    expect(temp.db.select().from(answers).all()).toHaveLength(0);
  });

  it("keeps practice answers as events for the member's stats but out of the standings", () => {
    expect(recordAnswer(temp, answer({ kind: 'practice', roundId: null, points: 0 }))).toMatchObject({
      recorded: true,
    });
    expect(temp.db.select().from(answers).all()).toHaveLength(1);
    expect(temp.db.select().from(standings).all()).toHaveLength(0);
  });
});
