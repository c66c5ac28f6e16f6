import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answers } from '../../src/db/schema';
import { AnswerBatcher } from '../../src/quiz/answer-batcher';
import { openOneQuestionRound } from '../support/open-round';
import { openOtherShardWriter } from '../support/other-shard-writer';
import { createTempDb } from '../support/temp-db';
import { singleQ } from './fixtures';

describe('AnswerBatcher (group commit of concurrent clicks)', () => {
  let temp: ReturnType<typeof createTempDb>;
  let roundId: number;
  const opened = Date.UTC(2026, 10, 27, 12);
  beforeEach(() => {
    temp = createTempDb();
    roundId = openOneQuestionRound(temp.db, singleQ, opened);
  });
  afterEach(() => temp.cleanup());

  it('decides each click with its own arrival time, in arrival order', async () => {
    const batcher = new AnswerBatcher(temp, new Map([[singleQ.id, singleQ]]));
    const results = await Promise.all([
      batcher.submit(opened + 1000, { roundId, position: 0, userId: 'a', input: { button: 1 } }),
      batcher.submit(opened + 2000, { roundId, position: 0, userId: 'b', input: { button: 0 } }),
      batcher.submit(opened + 3000, { roundId, position: 0, userId: 'a', input: { button: 0 } }),
      batcher.submit(opened + 4000, { roundId, position: 0, userId: 'c', input: { button: 9 } }),
    ]);
    expect(results).toEqual([
      { kind: 'registered', label: 'B', correct: true, points: 975, responseMs: 1000 },
      { kind: 'registered', label: 'A', correct: false, points: 0, responseMs: 2000 },
      { kind: 'duplicate', label: 'B' },
      { kind: 'invalid' },
    ]);
    const rows = temp.db.select().from(answers).where(eq(answers.roundId, roundId)).all();
    expect(rows.map((r) => [r.userId, r.choice])).toEqual([
      ['a', '1'],
      ['b', '0'],
    ]);
  });

  it('a click that throws fails alone; the others of its batch are kept', async () => {
    let lookups = 0;
    // The first lookup of the batch blows up (a broken deck entry, say); the second is fine.
    const flaky = {
      get(id: string) {
        lookups += 1;
        if (lookups === 1) throw new Error('bad question');
        return id === singleQ.id ? singleQ : undefined;
      },
    } as unknown as ReadonlyMap<string, typeof singleQ>;
    const batcher = new AnswerBatcher(temp, flaky);
    const [bad, good] = await Promise.allSettled([
      batcher.submit(opened + 1000, { roundId, position: 0, userId: 'x', input: { button: 1 } }),
      batcher.submit(opened + 1000, { roundId, position: 0, userId: 'y', input: { button: 1 } }),
    ]);
    expect(bad.status).toBe('rejected');
    expect(good).toMatchObject({ status: 'fulfilled', value: { kind: 'registered' } });
    expect(lookups).toBe(2);
    expect(
      temp.db
        .select()
        .from(answers)
        .all()
        .map((r) => r.userId),
    ).toEqual(['y']);
  });

  it('settled() resolves only once the clicks submitted so far are on disk', async () => {
    const batcher = new AnswerBatcher(temp, new Map([[singleQ.id, singleQ]]));
    await expect(batcher.settled()).resolves.toBeUndefined();
    void batcher.submit(opened + 1000, { roundId, position: 0, userId: 'a', input: { button: 1 } });
    expect(temp.db.select().from(answers).all()).toHaveLength(0);
    await batcher.settled();
    expect(temp.db.select().from(answers).where(eq(answers.userId, 'a')).all()).toHaveLength(1);
  });

  it('while clicks keep coming, the next commit waits out the interval and takes all that came meanwhile', async () => {
    // An interval no test would wait out: only settled() can write the second and third clicks.
    const batcher = new AnswerBatcher(temp, new Map([[singleQ.id, singleQ]]), {
      commitIntervalMs: 60_000,
    });
    const onDisk = () => temp.db.select().from(answers).all().length;
    const first = batcher.submit(opened + 1000, { roundId, position: 0, userId: 'a', input: { button: 1 } });
    await first; // after a quiet spell: written at the end of its turn
    expect(onDisk()).toBe(1);
    let answered = 0;
    for (const userId of ['b', 'c'])
      void batcher
        .submit(opened + 2000, { roundId, position: 0, userId, input: { button: 1 } })
        .then(() => (answered += 1));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect([onDisk(), answered]).toEqual([1, 0]);
    await batcher.settled();
    expect(onDisk()).toBe(3);
  });

  it('waits on the event loop while another connection holds the write lock, then writes the clicks in order', async () => {
    const batcher = new AnswerBatcher(temp, new Map([[singleQ.id, singleQ]]));
    const otherShard = openOtherShardWriter(temp.path);
    try {
      const lock = otherShard.holdWriteLock();
      const clicks = [
        batcher.submit(opened + 1000, { roundId, position: 0, userId: 'a', input: { button: 1 } }),
        batcher.submit(opened + 2000, { roundId, position: 0, userId: 'a', input: { button: 0 } }),
      ];
      // In SQLite's busy handler the thread would sleep and no timer could fire: the lock would never go.
      let timerRan = false;
      await new Promise((resolve) => setTimeout(resolve, 30));
      timerRan = true;
      const later = batcher.submit(opened + 3000, {
        roundId,
        position: 0,
        userId: 'b',
        input: { button: 1 },
      });
      expect(temp.db.select().from(answers).all()).toHaveLength(0);
      const settled = batcher.settled();
      lock.release();
      const [first, second] = await Promise.all(clicks);
      await settled;
      expect(timerRan).toBe(true);
      expect(first).toMatchObject({ kind: 'registered', label: 'B' });
      expect(second).toEqual({ kind: 'duplicate', label: 'B' }); // a's second click came after the first
      await expect(later).resolves.toMatchObject({ kind: 'registered', label: 'B' });
      expect(
        temp.db
          .select()
          .from(answers)
          .all()
          .map((r) => [r.userId, r.choice]),
      ).toEqual([
        ['a', '1'],
        ['b', '1'],
      ]);
    } finally {
      otherShard.close();
    }
  });
});
