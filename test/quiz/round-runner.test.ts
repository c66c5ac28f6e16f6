import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answers, rounds } from '../../src/db/schema';
import type { Question } from '../../src/deck/types';
import { orderCandidates } from '../../src/quiz/order-candidates';
import { createRound, getRound, markOpened, roundQuestionList } from '../../src/quiz/round-store';
import { startRound, type StartRoundInput } from '../../src/quiz/start-round';
import { submitAnswer } from '../../src/quiz/submit-answer';
import { createTempDb } from '../support/temp-db';
import { multiQ, orderQ, singleQ } from './fixtures';
import { Clock, makeRunner } from './runner-harness';

const questions: Question[] = [singleQ, multiQ, orderQ];
const byId = new Map(questions.map((q) => [q.id, q]));
const T = 20;

describe('RoundRunner', () => {
  let temp: ReturnType<typeof createTempDb>;
  let clock: Clock;
  beforeEach(() => {
    temp = createTempDb();
    clock = new Clock();
  });
  afterEach(() => temp.cleanup());

  const start = (over: Partial<StartRoundInput> = {}) => {
    const result = startRound(
      {
        db: temp.db,
        questions,
        topics: [],
        defaultTimezone: 'America/Sao_Paulo',
        now: clock.now(),
        random: () => 0.5,
      },
      {
        guildId: 'g1',
        channelId: 'c1',
        starterId: 'starter',
        locale: 'pt-BR',
        questionCount: 3,
        secondsPerQuestion: T,
        topic: null,
        domain: null,
        ...over,
      },
    );
    if (result.kind !== 'started') throw new Error(`round did not start: ${result.kind}`);
    return result.round;
  };
  const slots = (roundId: number) => roundQuestionList(temp.db, roundId);
  const questionAt = (roundId: number, position: number) => byId.get(slots(roundId)[position]!.questionId)!;
  /** A click that picks the right (or a wrong) answer for whatever question sits at `position`. */
  const click = (roundId: number, position: number, userId: string, right: boolean) => {
    const q = questionAt(roundId, position);
    const input =
      q.type === 'multi'
        ? { values: right ? q.answers.map(String) : ['1', '3'] }
        : q.type === 'order'
          ? { button: right ? orderCandidates(q).correctIndex : (orderCandidates(q).correctIndex + 1) % 4 }
          : { button: right ? q.answers[0]! : (q.answers[0]! + 1) % q.options.length };
    return submitAnswer(temp, byId, clock.now(), { roundId, position, userId, input });
  };

  it('plays a round: deadlines reveal, the next question follows, streaks add up, podium at the end', async () => {
    const round = start();
    const { runner, scheduler, port } = makeRunner(temp.db, questions, clock);
    await runner.begin(round.id);
    expect(port.sends).toHaveLength(1);
    expect(slots(round.id)[0]!.messageId).toBe(port.sends[0]!.messageId);

    clock.advance(2000);
    expect(click(round.id, 0, 'ana', true)).toMatchObject({ kind: 'registered', points: 950 });
    expect(click(round.id, 0, 'ana', false)).toMatchObject({ kind: 'duplicate' });
    clock.advance(8000);
    expect(click(round.id, 0, 'bia', false)).toMatchObject({ kind: 'registered', points: 0 });

    // Nothing happens before the deadline; at the deadline the message is edited into the answer.
    await scheduler.runDue();
    expect(port.edits).toHaveLength(0);
    clock.advance(10_001);
    expect(click(round.id, 0, 'caio', true)).toEqual({ kind: 'closed' });
    await scheduler.runDue();
    expect(port.edits).toHaveLength(1);
    expect(JSON.stringify(port.edits[0]!.payload)).toContain('<@ana> +950');
    expect(port.sends).toHaveLength(1); // the pause before the next question

    clock.advance(3000);
    await scheduler.runDue();
    expect(port.sends).toHaveLength(2);
    clock.advance(5000);
    expect(click(round.id, 1, 'ana', true)).toMatchObject({ kind: 'registered', points: 875 + 100 });
    expect(click(round.id, 1, 'bia', true)).toMatchObject({ kind: 'registered', points: 875 });
    clock.advance(T * 1000);
    await scheduler.runDue();
    clock.advance(3000);
    await scheduler.runDue();
    clock.advance(1000);
    expect(click(round.id, 2, 'ana', true)).toMatchObject({ kind: 'registered', points: 975 + 200 });
    clock.advance(T * 1000);
    await scheduler.runDue();

    expect(getRound(temp.db, round.id)!.status).toBe('finished');
    expect(port.sends).toHaveLength(4);
    const podium = JSON.stringify(port.sends[3]!.payload);
    expect(podium).toContain('🥇 <@ana> — **3100** pts');
    expect(podium).toContain('🥈 <@bia> — **875** pts');
    expect(scheduler.pending()).toEqual([]);
    expect(click(round.id, 2, 'caio', true)).toEqual({ kind: 'round-over' });
  });

  it('survives a restart mid-question: answers kept, the remaining time honoured, the round finishes', async () => {
    const round = start({ questionCount: 2 });
    const first = makeRunner(temp.db, questions, clock);
    await first.runner.begin(round.id);
    clock.advance(4000);
    click(round.id, 0, 'ana', true);
    click(round.id, 0, 'bia', false);
    await first.runner.shutdown();

    // The new process: same database file, fresh runner.
    const db = temp.reopen();
    clock.advance(1000);
    const second = makeRunner(db, questions, clock);
    await second.runner.resumeAll();
    expect(second.port.calls).toHaveLength(0);
    expect(second.scheduler.pending()).toEqual([slots(round.id)[0]!.deadlineAt]);
    clock.advance(2000);
    expect(
      submitAnswer(temp, byId, clock.now(), {
        roundId: round.id,
        position: 0,
        userId: 'ana',
        input: { button: 0 },
      }),
    ).toMatchObject({ kind: 'duplicate' });
    clock.advance(T * 1000);
    await second.scheduler.runDue();
    expect(second.port.edits[0]!.messageId).toBe(first.port.sends[0]!.messageId);
    expect(JSON.stringify(second.port.edits[0]!.payload)).toContain('<@ana> +900');
    clock.advance(3000);
    await second.scheduler.runDue();
    clock.advance(T * 1000);
    await second.scheduler.runDue();
    expect(getRound(db, round.id)!.status).toBe('finished');
    expect(db.select().from(answers).where(eq(answers.roundId, round.id)).all()).toHaveLength(2);
  });

  it('reveals at once on start when the deadline passed while the bot was down', async () => {
    const round = start({ questionCount: 1 });
    const first = makeRunner(temp.db, questions, clock);
    await first.runner.begin(round.id);
    clock.advance(1000);
    click(round.id, 0, 'ana', true);
    await first.runner.shutdown();
    clock.advance(60_000);
    const second = makeRunner(temp.db, questions, clock);
    await second.runner.resumeAll();
    expect(second.port.edits).toHaveLength(1);
    expect(JSON.stringify(second.port.edits[0]!.payload)).toContain('<@ana> +975');
    expect(getRound(temp.db, round.id)!.status).toBe('finished');
    expect(JSON.stringify(second.port.sends[0]!.payload)).toContain('🥇 <@ana>');
  });

  it('re-opens a question whose message never went out', async () => {
    const round = start({ questionCount: 1 });
    // The crash between "deadline written" and "message sent": times in the row, no message id.
    markOpened(temp.db, round.id, 0, clock.now(), clock.now() + T * 1000);
    clock.advance(5000);
    const { runner, port, scheduler } = makeRunner(temp.db, questions, clock);
    await runner.resumeAll();
    expect(port.sends).toHaveLength(1);
    const slot = slots(round.id)[0]!;
    expect(slot.messageId).toBe(port.sends[0]!.messageId);
    expect(slot.openedAt).toBe(clock.now());
    expect(scheduler.pending()).toEqual([clock.now() + T * 1000]);
  });

  it('stops on request: clicks refused at once, current question revealed, podium of what was played', async () => {
    const round = start();
    const { runner, scheduler, port } = makeRunner(temp.db, questions, clock);
    await runner.begin(round.id);
    clock.advance(1000);
    click(round.id, 0, 'ana', true);
    const { stopped, done } = runner.stop(round.id, 'starter');
    expect(stopped).toBe(true);
    expect(click(round.id, 0, 'bia', true)).toEqual({ kind: 'round-over' });
    await done;
    expect(port.edits).toHaveLength(1);
    const row = getRound(temp.db, round.id)!;
    expect(row).toMatchObject({ status: 'stopped', stoppedBy: 'starter' });
    const podium = JSON.stringify(port.sends.at(-1)!.payload);
    expect(podium).toContain('Rodada parada');
    expect(podium).toContain('1 de 3 perguntas jogadas');
    expect(podium).toContain('<@starter>');
    expect(scheduler.pending()).toEqual([]);
    expect(runner.stop(round.id, 'starter').stopped).toBe(false);
    // The channel is free again.
    expect(start().id).not.toBe(round.id);
  });

  it('closes the round, without throwing, when the channel is deleted mid-round', async () => {
    const round = start();
    const { runner, scheduler, port } = makeRunner(temp.db, questions, clock);
    await runner.begin(round.id);
    port.failWith = { status: 404, code: 10003 };
    clock.advance(T * 1000);
    await scheduler.runDue();
    expect(getRound(temp.db, round.id)!.status).toBe('stopped');
    expect(scheduler.pending()).toEqual([]);
    // A later start does not try that channel again.
    const next = makeRunner(temp.db, questions, clock);
    await next.runner.resumeAll();
    expect(next.port.calls).toEqual([]);
  });

  it('closes the round when the bot may no longer post (403 50013) as a question opens', async () => {
    const round = start();
    const { runner, port } = makeRunner(temp.db, questions, clock);
    port.failWith = { status: 403, code: 50013 };
    await runner.begin(round.id);
    expect(getRound(temp.db, round.id)!.status).toBe('stopped');
  });

  it('keeps one running round per channel', () => {
    const round = start();
    const again = startRound(
      { db: temp.db, questions, topics: [], defaultTimezone: 'UTC', now: clock.now(), random: Math.random },
      {
        guildId: 'g1',
        channelId: 'c1',
        starterId: 'x',
        locale: 'pt-BR',
        questionCount: 1,
        secondsPerQuestion: 10,
        topic: null,
        domain: null,
      },
    );
    expect(again).toMatchObject({
      kind: 'running',
      round: { id: round.id },
      link: 'https://discord.com/channels/g1/c1',
    });
    expect(
      temp.db
        .select()
        .from(rounds)
        .where(and(eq(rounds.channelId, 'c1'), eq(rounds.status, 'running')))
        .all(),
    ).toHaveLength(1);
  });

  it('lets the unique index decide when two starts race past the check', () => {
    const round = start();
    const raced = createRound(temp.db, {
      guildId: 'g1',
      channelId: 'c1',
      starterId: 'other',
      locale: 'pt-BR',
      secondsPerQuestion: 10,
      topic: null,
      domain: null,
      questionIds: [singleQ.id],
      now: clock.now(),
    });
    expect(raced).toMatchObject({ ok: false, running: { id: round.id } });
  });

  it('says a click on an unknown round or position is unknown', () => {
    const round = start();
    expect(
      submitAnswer(temp, byId, clock.now(), {
        roundId: 999,
        position: 0,
        userId: 'a',
        input: { button: 0 },
      }),
    ).toEqual({ kind: 'unknown-round' });
    expect(
      submitAnswer(temp, byId, clock.now(), {
        roundId: round.id,
        position: 7,
        userId: 'a',
        input: { button: 0 },
      }),
    ).toEqual({ kind: 'unknown-round' });
  });
});
