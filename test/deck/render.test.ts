import { describe, expect, it } from 'vitest';
import { renderAnswer, renderQuestionText } from '../../src/deck/render';
import type { Question } from '../../src/deck/types';
import { shippedDeck } from './helpers';
import { question } from '../support/question-fields';

const base: Question = question({
  id: 'x',
  type: 'single',
  stem: 'Qual serviço converte texto em fala?',
  options: ['Amazon Transcribe', 'Amazon Polly', 'Amazon Translate', 'Amazon Lex'],
  answers: [1],
  explanation: 'Resposta: B.',
  source: { heading: 'Serviços', line: 1 },
  topic: 'Serviços',
  domain: 1,
  services: [],
});

describe('renderQuestionText', () => {
  it('letters the options under the stem', () => {
    expect(renderQuestionText(base, 'pt-BR')).toBe(
      'Qual serviço converte texto em fala?\n\nA) Amazon Transcribe\nB) Amazon Polly\nC) Amazon Translate\nD) Amazon Lex',
    );
    expect(renderAnswer(base)).toBe('B');
  });

  it('tells how to answer multi, order and true/false questions', () => {
    const multi = {
      ...base,
      type: 'multi' as const,
      stem: 'Quais?',
      options: ['a', 'b', 'c', 'd', 'e'],
      answers: [0, 2],
    };
    expect(renderQuestionText(multi, 'pt-BR')).toContain('Escolha DUAS.');
    expect(renderQuestionText(multi, 'en-US')).toContain('Choose TWO.');
    const order = { ...base, type: 'order' as const, options: ['b', 'a', 'c'], answers: [1, 0, 2] };
    expect(renderQuestionText(order, 'pt-BR')).toMatch(/ordem correta/);
    expect(renderAnswer(order)).toBe('B, A, C');
    const tf = { ...base, type: 'truefalse' as const, options: ['Verdadeiro', 'Falso'], answers: [1] };
    expect(renderAnswer(tf)).toBe('Falso');
  });

  it('every shipped question renders within an embed description', () => {
    for (const q of shippedDeck().deck.questions)
      expect(renderQuestionText(q, 'pt-BR').length).toBeLessThanOrEqual(4096);
  });
});
