import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answers } from '../../src/db/schema';
import { inlineAnswerSink } from '../../src/quiz/answer-sink';
import { markOpened } from '../../src/quiz/round-store';
import { startRound } from '../../src/quiz/start-round';
import { createTempDb } from '../support/temp-db';
import { singleQ } from './fixtures';

describe('answer sinks', () => {
  let temp: ReturnType<typeof createTempDb>;
  let roundId: number;
  const opened = Date.UTC(2026, 10, 27, 12);
  const byId = new Map([[singleQ.id, singleQ]]);
  beforeEach(() => {
    temp = createTempDb();
    const started = startRound(
      {
        db: temp.db,
        questions: [singleQ],
        topics: [],
        defaultTimezone: 'UTC',
        now: opened,
        random: Math.random,
      },
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
    roundId = started.round.id;
    markOpened(temp.db, roundId, 0, opened, opened + 20_000);
  });
  afterEach(() => temp.cleanup());

  const click = (userId: string, button: number, at = opened + 1000) => ({
    at,
    input: { roundId, position: 0, userId, input: { button } },
  });

  it('decides concurrent clicks in one group commit: first answer counts, the rest are duplicates', async () => {
    const sink = inlineAnswerSink(temp.db, byId);
    try {
      const clicks = [click('a', 1), click('b', 0, opened + 5000), click('a', 2)];
      const results = await Promise.all(clicks.map((c) => sink.submit(c.at, c.input)));
      expect(results.map((r) => r.kind)).toEqual(['registered', 'registered', 'duplicate']);
      expect(results[0]).toMatchObject({ points: 975, label: 'B' });
      await sink.settled();
      const rows = temp.db.select().from(answers).where(eq(answers.roundId, roundId)).all();
      expect(rows.map((r) => r.userId).sort()).toEqual(['a', 'b']);
      expect(rows.find((r) => r.userId === 'a')?.choice).toBe('1');
    } finally {
      await sink.close();
    }
  });
});
