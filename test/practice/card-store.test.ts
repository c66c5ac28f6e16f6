import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { practiceCards } from '../../src/db/schema';
import { ensureGuild } from '../../src/guilds/guild-settings';
import { createCardStore, type MemberCard } from '../../src/practice/card-store';
import type { CardState } from '../../src/practice/scheduler';
import { createTempDb } from '../support/temp-db';

const member = { guildId: 'g1', userId: 'u1' };

describe('the card store', () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
    ensureGuild(temp.db, member.guildId, 'UTC', 0);
  });
  afterEach(() => temp.cleanup());

  it("reads cards as arrays mapped by hand that equal the table's rows, column for column", () => {
    const store = createCardStore(temp.db);
    // A different value in every column, so a column read into the wrong field shows.
    const saved = ['q-a', 'q-b'].map((questionId, i) => ({
      ...member,
      questionId,
      due: 1_000 + i,
      stability: 2.5 + i,
      difficulty: 3.25 + i,
      scheduledDays: 4 + i,
      learningSteps: 5 + i,
      reps: 6 + i,
      lapses: 7 + i,
      state: 2,
      lastReview: 900 + i,
      correct: 8 + i,
      lastAnswerId: 9 + i,
    }));
    for (const row of saved) store.save(row);

    const rows = temp.db.select().from(practiceCards).all();
    const expected = rows.map(({ guildId: _g, userId: _u, lastAnswerId: _a, ...card }) => card);
    expect(store.cards(member)).toEqual(expected);
    expect(store.dueCards(member, 1_000)).toEqual(expected.slice(0, 1));
    expect(store.tallies(member)).toEqual(
      expected.map(({ questionId, reps, correct }) => ({ questionId, reps, correct })),
    );
    expect(store.card(member, 'q-b')).toEqual(expected[1]);
  });

  it('upserts: a second save of the same item replaces its fold', () => {
    const store = createCardStore(temp.db);
    const first = {
      ...member,
      questionId: 'q-a',
      due: 1,
      stability: 1,
      difficulty: 1,
      scheduledDays: 1,
      learningSteps: 1,
      reps: 1,
      lapses: 0,
      state: 1,
      lastReview: 1,
      correct: 1,
      lastAnswerId: 1,
    };
    store.save(first);
    store.save({ ...first, due: 50, reps: 2, lastAnswerId: 2 });
    expect(temp.db.select().from(practiceCards).all()).toEqual([
      { ...first, due: 50, reps: 2, lastAnswerId: 2 },
    ]);
  });

  it("keeps the scheduler's card state and the practice_cards columns the same shape", () => {
    expectTypeOf<Pick<MemberCard, keyof CardState>>().toEqualTypeOf<CardState>();
  });
});
