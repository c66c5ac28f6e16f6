import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/deck/types';
import { answerButtonId, answerMenuId, stopButtonId } from '../../src/quiz/custom-ids';
import { orderCandidates } from '../../src/quiz/order-candidates';
import {
  countPicks,
  renderPodium,
  renderQuestion,
  renderReveal,
  type RevealedAnswer,
} from '../../src/quiz/render';
import { allTypes, makeQuestion, multiQ, orderQ, singleQ, trueFalseQ } from './fixtures';
import { messageLimitProblems } from './message-limits';

const deadlineAt = Date.UTC(2026, 10, 27, 12, 0, 20);
const view = (question: Question, over = {}) => ({
  roundId: 123456,
  position: 1,
  total: 5,
  question,
  deadlineAt,
  locale: 'pt-BR' as const,
  ...over,
});
const json = (x: unknown) => JSON.stringify(x);
const answer = (userId: string, choice: number[], correct: boolean, points: number): RevealedAnswer => ({
  userId,
  choice,
  correct,
  points,
  responseMs: 1000,
});

/** The worst the deck can throw at us: long stem, 5 long options, long explanation and heading. */
const huge = (type: Question['type']): Question =>
  makeQuestion({
    id: `huge-${type}`,
    type,
    stem: 'Um enunciado muito longo. '.repeat(60),
    options: Array.from({ length: type === 'truefalse' ? 2 : type === 'multi' ? 5 : 4 }, (_, i) =>
      `${'Opção comprida '.repeat(13)}${i}`.slice(0, 200),
    ),
    answers: type === 'multi' ? [0, 3] : type === 'order' ? [3, 1, 0, 2] : [1],
    explanation: 'Explicação detalhada. '.repeat(120),
    source: { heading: 'Seção > '.repeat(60), line: 1234 },
    topic: 'Tópico '.repeat(20),
  });

describe('renderQuestion', () => {
  it('shows "Pergunta 2/5", the stem, lettered options, topic/domain and a relative deadline', () => {
    const payload = renderQuestion(view(singleQ));
    const embed = payload.embeds[0]!;
    expect(embed.title).toBe('Pergunta 2/5');
    expect(embed.description).toContain(singleQ.stem);
    expect(embed.description).toContain('**B)** Amazon Bedrock');
    expect(json(embed.fields)).toContain(`<t:${deadlineAt / 1000}:R>`);
    expect(json(embed.fields)).toContain('Serviços de IA');
    expect(json(embed.fields)).toContain('Fundamentos de IA generativa');
  });

  it('puts one lettered button per option and a stop button', () => {
    const rows = renderQuestion(view(singleQ)).components;
    const [answersRow, stopRow] = rows as unknown as Array<{ components: Array<Record<string, unknown>> }>;
    expect(answersRow!.components.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(answersRow!.components[2]!.custom_id).toBe(
      answerButtonId.encode({ roundId: 123456, position: 1, option: 2 }),
    );
    expect(stopRow!.components[0]!.custom_id).toBe(stopButtonId.encode({ roundId: 123456 }));
  });

  it('uses a two-value menu for "choose TWO" and sequences for ordering', () => {
    const menu = (
      renderQuestion(view(multiQ)).components[0] as unknown as { components: Array<Record<string, unknown>> }
    ).components[0]!;
    expect(menu).toMatchObject({
      type: 3,
      min_values: 2,
      max_values: 2,
      custom_id: answerMenuId.encode({ roundId: 123456, position: 1 }),
    });
    const order = (
      renderQuestion(view(orderQ)).components[0] as unknown as { components: Array<Record<string, unknown>> }
    ).components;
    const { sequences, correctIndex } = orderCandidates(orderQ);
    expect(order.map((b) => b.label)).toEqual(sequences.map((s) => s.map((i) => 'ABCD'[i]).join(' → ')));
    expect(order[correctIndex]!.label).toBe('B → A → D → C');
    const tf = (
      renderQuestion(view(trueFalseQ)).components[0] as unknown as {
        components: Array<Record<string, unknown>>;
      }
    ).components;
    expect(tf.map((b) => b.label)).toEqual(['Verdadeiro', 'Falso']);
  });

  it('speaks English UI to an English round, question content untouched', () => {
    const embed = renderQuestion(view(singleQ, { locale: 'en-US' })).embeds[0]!;
    expect(embed.title).toBe('Question 2/5');
    expect(embed.description).toContain(singleQ.stem);
  });
});

describe('renderReveal', () => {
  it('marks the right answer, counts picks, explains, cites the source and lists scorers best first', () => {
    const answers = [answer('u1', [1], true, 700), answer('u2', [0], false, 0), answer('u3', [1], true, 950)];
    const payload = renderReveal({ ...view(singleQ), answers });
    const embed = payload.embeds[0]!;
    expect(embed.description).toContain('✅ **B)** Amazon Bedrock — 2 respostas');
    expect(embed.description).toContain('▫️ **A)** Amazon SageMaker — 1 resposta');
    expect(embed.description).toContain('2 de 3 acertaram.');
    const fields = Object.fromEntries(embed.fields!.map((f) => [f.name, f.value]));
    expect(fields['Explicação']).toBe(singleQ.explanation);
    expect(fields['Fonte']).toBe('Serviços > Bedrock (linha 42)');
    expect(fields['Pontuaram']).toBe('<@u3> +950\n<@u1> +700');
    const buttons = (payload.components[0] as unknown as { components: Array<Record<string, unknown>> })
      .components;
    expect(buttons.every((b) => b.disabled === true)).toBe(true);
    expect(buttons.map((b) => b.label)).toEqual(['A · 1', 'B · 2', 'C · 0', 'D · 0']);
    expect(buttons[1]!.style).toBe(3); // Success
    expect(json(payload)).not.toContain('Parar');
  });

  it('counts sequences for ordering questions and options for "choose TWO"', () => {
    const { sequences, correctIndex } = orderCandidates(orderQ);
    expect(
      countPicks(orderQ, [
        answer('a', sequences[correctIndex]!, true, 900),
        answer('b', sequences[correctIndex]!, true, 800),
      ]),
    ).toEqual(sequences.map((_, i) => (i === correctIndex ? 2 : 0)));
    expect(countPicks(multiQ, [answer('a', [0, 2], true, 900), answer('b', [0, 1], false, 0)])).toEqual([
      2, 1, 1, 0, 0,
    ]);
    const reveal = renderReveal({ ...view(orderQ), answers: [] });
    expect(json(reveal.embeds[0]!.fields)).toContain('✅ B → A → D → C — 0 respostas');
  });

  it('caps the scorer list to fit Discord limits, best first, saying how many are left out', () => {
    const answers = Array.from({ length: 600 }, (_, i) =>
      answer(`${100000000000000000n + BigInt(i)}`, [1], true, 500 + i),
    );
    const payload = renderReveal({ ...view(huge('single')), answers });
    expect(messageLimitProblems(payload)).toEqual([]);
    const scorers = payload.embeds[0]!.fields!.find((f) => f.name === 'Pontuaram')!.value;
    expect(scorers.startsWith(`<@${100000000000000000n + 599n}> +1099`)).toBe(true);
    expect(scorers).toMatch(/…e mais \d+$/);
  });
});

describe('every message fits Discord limits', () => {
  const crowd = Array.from({ length: 300 }, (_, i) =>
    answer(`${200000000000000000n + BigInt(i)}`, [0], true, 1000),
  );
  for (const question of [...allTypes, ...(['single', 'multi', 'truefalse', 'order'] as const).map(huge)]) {
    it(`${question.id}`, () => {
      expect(
        messageLimitProblems(renderQuestion(view(question, { roundId: 2 ** 40, position: 24, total: 25 }))),
      ).toEqual([]);
      expect(messageLimitProblems(renderReveal({ ...view(question), answers: crowd }))).toEqual([]);
      expect(
        messageLimitProblems(renderReveal({ ...view(question, { locale: 'en-US' }), answers: [] })),
      ).toEqual([]);
    });
  }

  it('the podium, with a crowd', () => {
    const standings = crowd.map((a, i) => ({ userId: a.userId, points: 5000 - i, correct: 3, answered: 3 }));
    const payload = renderPodium({
      locale: 'pt-BR',
      standings,
      stopped: false,
      stoppedBy: null,
      played: 5,
      total: 5,
    });
    expect(messageLimitProblems(payload)).toEqual([]);
    expect(payload.embeds[0]!.description).toContain(`🥇 <@${crowd[0]!.userId}> — **5000** pts`);
    expect(payload.embeds[0]!.description).toContain(`🥉 <@${crowd[2]!.userId}>`);
    expect(payload.embeds[0]!.description).toContain('4. <@');
  });
});
