import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StandingsQuery } from '../../src/leaderboard/standings-queries';
import { createTempDb } from '../support/temp-db';
import { seedAnswer, seedGuild } from '../support/seed-answers';

describe('standings queries', () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
    seedGuild(temp.db, 'UTC');
  });
  afterEach(() => temp.cleanup());

  const query = (over: Partial<StandingsQuery> = {}): StandingsQuery => ({
    guildId: 'g1',
    period: 'all',
    periodKey: 'all',
    scope: '',
    by: 'points',
    minAnswers: 10,
    limit: 10,
    ...over,
  });

  /** Member `u<i>` gets `correct` right answers of 100 points and `wrong` wrong ones. */
  function seedMember(
    userId: string,
    correct: number,
    wrong: number,
    topic = 'Machine Learning',
    domain = 1,
  ) {
    for (let i = 0; i < correct; i += 1)
      seedAnswer(temp, { userId, correct: true, points: 100, topic, domain });
    for (let i = 0; i < wrong; i += 1) seedAnswer(temp, { userId, correct: false, points: 0, topic, domain });
  }

  it('ranks by points with shared ranks for ties and a deterministic order', () => {
    seedMember('u3', 2, 0);
    seedMember('u1', 3, 0);
    seedMember('u2', 2, 5);
    seedMember('u4', 1, 0);
    const top = temp.stores.leaderboard.top(query());
    expect(top.map((r) => [r.userId, r.rank, r.points])).toEqual([
      ['u1', 1, 300],
      ['u2', 2, 200],
      ['u3', 2, 200],
      ['u4', 4, 100],
    ]);
    expect(top[1]).toMatchObject({ answered: 7, correct: 2 });
  });

  it('finds a member outside the top 10 with the same rank the list would give', () => {
    for (let i = 1; i <= 15; i += 1) seedMember(`u${String(i).padStart(2, '0')}`, 16 - i, 0);
    seedMember('u16', 1, 0); // ties with u15
    const top = temp.stores.leaderboard.top(query());
    expect(top).toHaveLength(10);
    expect(top.at(-1)).toMatchObject({ userId: 'u10', rank: 10 });
    expect(temp.stores.leaderboard.memberPosition({ ...query(), userId: 'u14' })).toMatchObject({
      ranked: true,
      rank: 14,
    });
    expect(temp.stores.leaderboard.memberPosition({ ...query(), userId: 'u15' })).toMatchObject({
      ranked: true,
      rank: 15,
    });
    expect(temp.stores.leaderboard.memberPosition({ ...query(), userId: 'u16' })).toMatchObject({
      ranked: true,
      rank: 15,
      row: { points: 100, answered: 1, correct: 1 },
    });
    expect(temp.stores.leaderboard.memberPosition({ ...query(), userId: 'nobody' })).toBeNull();
  });

  it('ranks by accuracy only members with the minimum answers', () => {
    seedMember('perfect-few', 3, 0); // 100% but only 3 answers
    seedMember('steady', 9, 1); // 90% of 10
    seedMember('busy', 16, 4); // 80% of 20, more points
    seedMember('same', 18, 2); // 90% of 20: ties with steady
    const top = temp.stores.leaderboard.top(query({ by: 'accuracy', minAnswers: 10 }));
    expect(top.map((r) => [r.userId, r.rank])).toEqual([
      ['same', 1],
      ['steady', 1],
      ['busy', 3],
    ]);
    expect(
      temp.stores.leaderboard.memberPosition({ ...query({ by: 'accuracy' }), userId: 'perfect-few' }),
    ).toEqual({
      ranked: false,
      row: { userId: 'perfect-few', points: 300, answered: 3, correct: 3 },
    });
    expect(
      temp.stores.leaderboard.memberPosition({ ...query({ by: 'accuracy' }), userId: 'busy' }),
    ).toMatchObject({
      ranked: true,
      rank: 3,
    });
    const lowBar = temp.stores.leaderboard.top(query({ by: 'accuracy', minAnswers: 1 }));
    expect(lowBar[0]).toMatchObject({ userId: 'perfect-few', rank: 1 });
  });

  it('keeps topic and domain scopes apart', () => {
    seedMember('ml', 3, 0, 'Machine Learning', 1);
    seedMember('sec', 5, 0, 'IAM', 5);
    expect(temp.stores.leaderboard.top(query({ scope: 't:IAM' })).map((r) => r.userId)).toEqual(['sec']);
    expect(temp.stores.leaderboard.top(query({ scope: 'd:1' })).map((r) => r.userId)).toEqual(['ml']);
    expect(temp.stores.leaderboard.top(query({ scope: 'd:2' }))).toEqual([]);
    expect(temp.stores.leaderboard.top(query()).map((r) => r.userId)).toEqual(['sec', 'ml']);
  });

  it('uses the accuracy index rather than sorting the period', () => {
    const plan = temp.db.$client
      .prepare(
        `explain query plan select user_id from standings
         where guild_id = ? and zone = ? and period_kind = ? and period_key = ? and scope = ? and answered >= ?
         order by (correct * 1.0 / answered) desc, user_id limit 10`,
      )
      .all('g1', '', 'all', 'all', '', 10) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('standings_by_accuracy');
  });
});
