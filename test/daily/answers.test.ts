import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerDailyQuestion } from '../../src/daily/answer-daily';
import { answerControls, choiceOf, orderCandidates } from '../../src/daily/answer-controls';
import { answerPractice, pickPracticeQuestion, renderPracticeQuestion } from '../../src/daily/practice';
import { closeQuestion } from '../../src/daily/daily-post-store';
import { answers, dailyPosts, guilds, standings } from '../../src/db/schema';
import { smallDeck } from '../support/daily-fixtures';
import { createTempDb } from '../support/temp-db';
import { isCorrectChoice } from '../../src/quiz/scoring';

const deck = smallDeck();

describe('answer controls', () => {
  it('letters for single questions, a select of exactly the answer count for multi, a panel button for order', () => {
    const ids = { button: (i: number) => `b${i}`, select: 's', panel: 'p' };
    const single = answerControls(deck.questionById.get('q-0')!, ids, 'pt-BR');
    expect(single[0]?.components.map((c) => ('label' in c ? c.label : ''))).toEqual(['A', 'B', 'C', 'D']);
    const multi = JSON.stringify(answerControls(deck.questionById.get('q-multi')!, ids, 'pt-BR'));
    expect(multi).toContain('"min_values":2');
    expect(multi).toContain('"max_values":2');
    const three = {
      ...deck.questionById.get('q-multi')!,
      options: ['a', 'b', 'c', 'd', 'e'],
      answers: [0, 2, 4],
    };
    expect(JSON.stringify(answerControls(three, ids, 'pt-BR'))).toContain('"max_values":3');
    const order = deck.questionById.get('q-order')!;
    const orderControls = answerControls(order, ids, 'pt-BR');
    expect(orderControls).toHaveLength(1);
    expect(JSON.stringify(orderControls)).toContain('"custom_id":"p"');
    const candidates = orderCandidates(order);
    expect(candidates.map((c) => c.join('-'))).toContain(order.answers.join('-'));
    expect(new Set(candidates.map((c) => c.join('-'))).size).toBe(candidates.length);
  });

  it('judges multi answers as a set and order answers as a sequence', () => {
    const multi = deck.questionById.get('q-multi')!;
    expect(isCorrectChoice(choiceOf(multi, { values: ['2', '0'] })!, multi.answers, multi.type)).toBe(true);
    expect(isCorrectChoice(choiceOf(multi, { values: ['0', '1'] })!, multi.answers, multi.type)).toBe(false);
    expect(choiceOf(multi, { values: ['0', '0'] })).toBeNull();
    expect(choiceOf(multi, { values: ['0', '9'] })).toBeNull();
    const order = deck.questionById.get('q-order')!;
    // Old order posts: one button per candidate ordering, exactly one of them right.
    const verdicts = orderCandidates(order).map((_, i) =>
      isCorrectChoice(choiceOf(order, { button: i })!, order.answers, order.type),
    );
    expect(verdicts.filter(Boolean)).toHaveLength(1);
    expect(choiceOf(order, { button: verdicts.indexOf(true) })).toEqual([1, 0, 2]);
    // The panel sends the whole order; anything but a permutation of the options is refused.
    expect(choiceOf(order, { full: [1, 0, 2] })).toEqual([1, 0, 2]);
    expect(choiceOf(order, { full: [1, 1, 2] })).toBeNull();
    expect(choiceOf(order, { button: 99 })).toBeNull();
    expect(choiceOf(order, { values: ['1-0-2'] })).toBeNull();
  });
});

describe('answering the question of the day', () => {
  let temp: ReturnType<typeof createTempDb>;
  let postId: number;
  const postedAt = Date.parse('2026-11-27T12:00:00Z');
  beforeEach(() => {
    temp = createTempDb();
    temp.db.insert(guilds).values({ id: 'g', timezone: 'America/Sao_Paulo', createdAt: 0 }).run();
    postId = temp.db
      .insert(dailyPosts)
      .values({
        guildId: 'g',
        kind: 'question',
        localDate: '2026-11-27',
        channelId: 'c',
        subject: 'q-0',
        messageId: 'm',
        postedAt,
      })
      .returning()
      .get().id;
  });
  afterEach(() => temp.cleanup());

  const answer = (userId: string, option: number, at = postedAt + 60_000) =>
    answerDailyQuestion(temp, deck, { postId, guildId: 'g', userId, option }, 'UTC', at);

  it('counts the first answer per member with flat points, and only the first', () => {
    expect(answer('u1', 0)).toEqual({ status: 'recorded', choice: 'A', correct: true });
    expect(answer('u1', 1)).toEqual({ status: 'duplicate', choice: 'A' });
    expect(answer('u2', 1)).toEqual({ status: 'recorded', choice: 'B', correct: false });
    const rows = temp.db.select().from(answers).where(eq(answers.dailyPostId, postId)).all();
    expect(rows.map((r) => [r.userId, r.kind, r.points, r.correct, r.responseMs])).toEqual([
      ['u1', 'daily', 1000, true, 60_000],
      ['u2', 'daily', 0, false, 60_000],
    ]);
    const u1 = temp.db.select().from(standings).where(eq(standings.userId, 'u1')).all();
    expect(u1.find((s) => s.periodKind === 'all' && s.scope === '')?.points).toBe(1000);
  });

  it('refuses answers once closed, from another server, or out of range', () => {
    expect(
      answerDailyQuestion(temp, deck, { postId, guildId: 'other', userId: 'u', option: 0 }, 'UTC', postedAt),
    ).toEqual({
      status: 'gone',
    });
    expect(answer('u1', 7)).toEqual({ status: 'bad-choice' });
    closeQuestion(temp.db, postId, postedAt + 1);
    expect(answer('u3', 0)).toEqual({ status: 'closed' });
    expect(temp.db.select().from(answers).all()).toHaveLength(0);
  });
});

describe('test me (practice)', () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => (temp = createTempDb()));
  afterEach(() => temp.cleanup());

  it("asks one of the card's questions and records the answer as practice, with the explanation", () => {
    const card = deck.deck.services[2]!;
    const question = pickPracticeQuestion(deck, card, () => 0.99)!;
    expect(card.questionIds).toContain(question.id);
    expect(renderPracticeQuestion(card, question, 'en-US').content).toContain('Test me');
    const result = answerPractice(
      temp,
      deck,
      { questionId: question.id, guildId: 'g', userId: 'u', option: 1 },
      'pt-BR',
      1000,
      'UTC',
      4000,
    );
    expect(result.status).toBe('answered');
    if (result.status !== 'answered') return;
    expect(result.correct).toBe(false);
    expect(result.content).toContain('A resposta certa é **A**');
    // The explanation, then why the other options are wrong.
    expect(result.embeds[0]?.description?.startsWith(question.explanation)).toBe(true);
    expect(result.embeds[0]?.description).toContain('**Por que não as outras**');
    const [row] = temp.db.select().from(answers).all();
    expect(row).toMatchObject({
      kind: 'practice',
      correct: false,
      points: 0,
      responseMs: 3000,
      dailyPostId: null,
    });
  });
});
