import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createDailyPostStore } from '../../src/daily/daily-post-store';
import type {
  MockStatus,
  RoundStatus,
  mockExams,
  practiceItems,
  practiceSessions,
} from '../../src/db/schema';
import { guilds } from '../../src/db/schema';
import { ensureGuild } from '../../src/guilds/guild-settings';
import { createMockStore } from '../../src/mock/mock-store';
import { createSessionStore } from '../../src/practice/session-store';
import { createRound, createRoundStore } from '../../src/quiz/round-store';
import { seedAnswer } from '../support/seed-answers';
import { createTempDb } from '../support/temp-db';

/**
 * The stores' rows are typed from src/db/schema.ts, and read back as the schema's JS values (booleans,
 * unions), not as SQLite's integers and strings: what hand-copied row types used to get wrong.
 */
describe('store rows follow the schema', () => {
  let temp: ReturnType<typeof createTempDb>;
  const member = { guildId: 'g1', userId: 'u1' };
  beforeEach(() => {
    temp = createTempDb();
    ensureGuild(temp.db, 'g1', 'UTC', 0);
  });
  afterEach(() => temp.cleanup());

  it('round store: the status union and answers correct as booleans', () => {
    const created = createRound(temp.db, {
      guildId: 'g1',
      channelId: 'c1',
      starterId: 'u1',
      locale: 'pt-BR',
      secondsPerQuestion: 30,
      topic: null,
      domain: null,
      questionIds: ['q0', 'q1'],
      now: 0,
    });
    if (!created.ok) throw new Error('round not created');
    const roundId = created.round.id;
    seedAnswer(temp, { userId: 'u1', roundId, questionId: 'q0', correct: true });
    seedAnswer(temp, { userId: 'u1', roundId, questionId: 'q1', correct: false });
    const store = createRoundStore(temp.db);

    const state = store.clickState(roundId, 0, 'u1');
    expectTypeOf(state!.round.status).toEqualTypeOf<RoundStatus>();
    expect(state).toEqual({
      round: { guildId: 'g1', status: 'running', currentPosition: 0, secondsPerQuestion: 30 },
      slot: { questionId: 'q0', openedAt: null, deadlineAt: null, revealedAt: null },
      earlierChoice: '0',
    });
    expect(store.clickState(roundId, 5, 'u1')).toMatchObject({ slot: null, earlierChoice: null });
    expect(store.clickState(roundId + 1, 0, 'u1')).toBeUndefined();
    expect(store.memberResults(roundId, 'u1')).toEqual(
      new Map([
        [0, true],
        [1, false],
      ]),
    );
  });

  it('daily post store: configured servers as the settings rows, booleans included', () => {
    temp.db.update(guilds).set({ dailyChannelId: 'c1', dailyQuestionEnabled: false }).run();
    const [guild] = createDailyPostStore(temp.db).configuredGuilds();
    expectTypeOf(guild!).toEqualTypeOf<typeof guilds.$inferSelect>();
    expect(guild).toMatchObject({
      id: 'g1',
      dailyChannelId: 'c1',
      serviceCardEnabled: true,
      dailyQuestionEnabled: false,
    });
  });

  it('session store: sessions and items are the tables rows', () => {
    const store = createSessionStore(temp.db);
    store.insert(member, 5, 10);
    const session = store.findOpen(member)!;
    expectTypeOf(session).toEqualTypeOf<typeof practiceSessions.$inferSelect>();
    expect(session).toEqual({ id: session.id, ...member, size: 5, createdAt: 10, finishedAt: null });
    expect(store.insertItem({ sessionId: session.id, position: 0, questionId: 'q0', shownAt: 11 })).toBe(
      true,
    );
    expect(store.insertItem({ sessionId: session.id, position: 0, questionId: 'q9', shownAt: 12 })).toBe(
      false,
    );
    const items = store.items(session.id);
    expectTypeOf(items).toEqualTypeOf<(typeof practiceItems.$inferSelect)[]>();
    expect(items).toEqual([
      { sessionId: session.id, position: 0, questionId: 'q0', shownAt: 11, answerId: null },
    ]);
    expect(store.score(session.id)).toEqual({ answered: 0, correct: 0 });
  });

  it('mock store: the status union, flagged as a boolean, no writes once closed', () => {
    const store = createMockStore(temp.db);
    const mock = store.insert(member, ['q0', 'q1'], 100, 200)!;
    expectTypeOf(mock).toEqualTypeOf<typeof mockExams.$inferSelect>();
    expectTypeOf(mock.status).toEqualTypeOf<MockStatus>();
    expect(store.insert(member, ['q2'], 100, 200)).toBeNull();
    expect(store.toggleFlag(mock.id, 1)).toBe(true);
    expect(store.setChoice(mock.id, 0, '2')).toBe(true);
    expect(store.items(mock.id)).toEqual([
      { position: 0, questionId: 'q0', choice: '2', flagged: false },
      { position: 1, questionId: 'q1', choice: null, flagged: true },
    ]);
    expect(store.close(mock.id, { status: 'submitted', finishedAt: 150, correct: 1, scaledScore: 600 })).toBe(
      true,
    );
    expect(store.close(mock.id, { status: 'timed_out', finishedAt: 200, correct: 0, scaledScore: 100 })).toBe(
      false,
    );
    expect(store.setChoice(mock.id, 1, '0')).toBe(false);
    expect(store.past(member)).toEqual([
      { ...mock, status: 'submitted', finishedAt: 150, correct: 1, scaledScore: 600 },
    ]);
  });
});
