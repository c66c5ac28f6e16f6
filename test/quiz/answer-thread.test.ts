import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answers, standings } from '../../src/db/schema';
import { AnswerBatcher } from '../../src/quiz/answer-batcher';
import { AnswerThread } from '../../src/quiz/answer-thread';
import type { WorkerLocation } from '../../src/shared/worker-thread';
import { projectPath } from '../../src/shared/project-root';
import { captureLogs } from '../support/log-capture';
import { openOneQuestionRound } from '../support/open-round';
import { createTempDb } from '../support/temp-db';
import { singleQ } from './fixtures';

const testWorker = (name: string): WorkerLocation => ({
  file: projectPath('test', 'support', `${name}.mjs`),
  typescript: false,
});

describe('AnswerThread (clicks decided on a worker thread)', () => {
  let temp: ReturnType<typeof createTempDb>;
  let roundId: number;
  let thread: AnswerThread | undefined;
  const opened = Date.UTC(2026, 10, 27, 12);
  const click = (userId: string, button: number, at = opened + 1000) =>
    thread!.submit(at, { roundId, position: 0, userId, input: { button } });

  beforeEach(() => {
    temp = createTempDb();
    roundId = openOneQuestionRound(temp.db, singleQ, opened);
  });
  afterEach(async () => {
    await thread?.stop();
    thread = undefined;
    temp.cleanup();
  });

  const startThread = (logger = captureLogs().logger, worker?: WorkerLocation) => {
    thread = new AnswerThread({
      path: temp.path,
      questions: [singleQ],
      logger,
      fallback: new AnswerBatcher(temp, new Map([[singleQ.id, singleQ]])),
      ...(worker ? { worker } : {}),
    });
    return thread;
  };

  const roundAnswers = () =>
    temp.db
      .select({ userId: answers.userId, choice: answers.choice })
      .from(answers)
      .where(eq(answers.roundId, roundId))
      .all();

  it('decides on its own connection: first answer counts, later ones are duplicates, all committed', async () => {
    startThread();
    const results = await Promise.all([
      click('a', 1),
      click('b', 0, opened + 2000),
      click('a', 0, opened + 3000),
    ]);
    expect(results).toEqual([
      { kind: 'registered', label: 'B', correct: true, points: 975, responseMs: 1000 },
      { kind: 'registered', label: 'A', correct: false, points: 0, responseMs: 2000 },
      { kind: 'duplicate', label: 'B' },
    ]);
    expect(thread!.onThread).toBe(true);
    // Read through the event loop's own connection: the thread's commit is visible once submit resolves.
    expect(roundAnswers()).toEqual([
      { userId: 'a', choice: '1' },
      { userId: 'b', choice: '0' },
    ]);
    const everything = temp.db
      .select({ userId: standings.userId, points: standings.points })
      .from(standings)
      .where(eq(standings.scope, ''))
      .all();
    expect(everything.filter((row) => row.userId === 'a').map((row) => row.points)).toEqual([975, 975, 975]);
  });

  it('settled() waits for every click handed over, across batches', async () => {
    startThread();
    const clicks = Array.from({ length: 40 }, (_, i) => click(`m${i}`, i % 2));
    let decided = 0;
    for (const pending of clicks) void pending.then(() => decided++);
    await thread!.settled();
    await Promise.resolve();
    expect(decided).toBe(40);
    expect(roundAnswers()).toHaveLength(40);
  });

  it('refuses a closed question with its reason, as the batcher does', async () => {
    startThread();
    expect(await click('late', 1, opened + 25_000)).toEqual({ kind: 'closed' });
    expect(
      await thread!.submit(opened, { roundId: 999, position: 0, userId: 'x', input: { button: 0 } }),
    ).toEqual({ kind: 'unknown-round' });
  });

  it('falls back to the in-process batcher when the thread cannot start, losing no click', async () => {
    const logs = captureLogs();
    startThread(logs.logger, testWorker('worker-never-ready'));
    const results = await Promise.all([click('a', 1), click('b', 0)]);
    expect(results.map((r) => r.kind)).toEqual(['registered', 'registered']);
    expect(thread!.onThread).toBe(false);
    expect(roundAnswers()).toHaveLength(2);
    expect(logs.lines.some((line) => String(line.msg).startsWith('answer thread failed'))).toBe(true);
  });

  it('refuses the clicks of a batch the thread died with (maybe on disk), and sends later ones to the fallback', async () => {
    startThread(captureLogs().logger, testWorker('answer-worker-dies-on-batch'));
    const lost = click('a', 1);
    await expect(lost).rejects.toThrow('stopped before it confirmed this answer');
    expect(thread!.onThread).toBe(false);
    expect(await click('a', 1)).toMatchObject({ kind: 'registered', label: 'B' });
    await thread!.settled();
  });

  it('stop() lets the clicks already handed over finish, then ends the thread', async () => {
    startThread();
    const pending = [click('a', 1), click('b', 0)];
    await thread!.stop();
    expect((await Promise.all(pending)).map((r) => r.kind)).toEqual(['registered', 'registered']);
    await expect(click('c', 1)).rejects.toThrow('the answer thread is stopped');
  });
});
