import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/deck/types';
import { answerButtonId, answerMenuId, quizPanelIds, stopButtonId } from '../../src/quiz/custom-ids';
import {
  countPicks,
  renderPodium,
  renderQuestion,
  renderReveal,
  type RevealedAnswer,
} from '../../src/quiz/render';
import { allTypes, makeQuestion, matchQ, multi3Q, multiQ, orderQ, singleQ, trueFalseQ } from './fixtures';
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

  it('uses a menu of exactly the answer count for multi, and an Answer button for ordering and matching', () => {
    const menu = (
      renderQuestion(view(multiQ)).components[0] as unknown as { components: Array<Record<string, unknown>> }
    ).components[0]!;
    expect(menu).toMatchObject({
      type: 3,
      min_values: 2,
      max_values: 2,
      custom_id: answerMenuId.encode({ roundId: 123456, position: 1 }),
    });
    const three = (
      renderQuestion(view(multi3Q)).components[0] as unknown as { components: Array<Record<string, unknown>> }
    ).components[0]!;
    expect(three).toMatchObject({ min_values: 3, max_values: 3 });
    expect(renderQuestion(view(multi3Q)).embeds[0]!.description).toContain('**TRÊS**');
    for (const q of [orderQ, matchQ]) {
      const rows = renderQuestion(view(q)).components as unknown as {
        components: Array<Record<string, unknown>>;
      }[];
      expect(rows[0]!.components).toHaveLength(1);
      expect(rows[0]!.components[0]).toMatchObject({
        label: 'Responder',
        custom_id: quizPanelIds.open.encode({ roundId: 123456, position: 1 }),
      });
    }
    // A matching question shows its numbered items above the lettered options.
    const description = renderQuestion(view(matchQ)).embeds[0]!.description!;
    expect(description).toContain('**1.** Transcrever chamadas gravadas');
    expect(description).toContain('**D)** Amazon Transcribe');
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

  it('counts whole right answers for ordering and matching, and options for "choose TWO"', () => {
    const right = answer('a', orderQ.answers, true, 900);
    expect(countPicks(orderQ, [right, answer('b', [0, 1, 2, 3], false, 0)])).toEqual([1]);
    expect(countPicks(multiQ, [answer('a', [0, 2], true, 900), answer('b', [0, 1], false, 0)])).toEqual([
      2, 1, 1, 0, 0,
    ]);
    const order = renderReveal({ ...view(orderQ), answers: [right] });
    expect(json(order.embeds[0]!.fields)).toContain('1. **B)** Coletar dados');
    expect(json(order.components)).toContain('✅ 1/1');
    const match = renderReveal({ ...view(matchQ), answers: [answer('a', [3, 0, 2], false, 0)] });
    const field = match.embeds[0]!.fields!.find((f) => f.name === 'Associações corretas')!;
    expect(field.value).toContain('**1.** Transcrever chamadas gravadas → **D)** Amazon Transcribe');
    expect(field.value).toContain('**3.** Ler recibos digitalizados → **B)** Amazon Textract');
    expect(json(match.components)).toContain('✅ 0/1');
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
