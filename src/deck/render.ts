import { letter } from './templates/choice';
import type { Question } from './types';

import type { Locale } from '../i18n';

export type { Locale };

const INSTRUCTIONS = {
  'pt-BR': {
    multi: 'Escolha DUAS.',
    order: 'Coloque os itens na ordem correta: escolha a sequência certa (ex: B → D → A → C).',
    truefalse: 'Responda Verdadeiro ou Falso.',
  },
  'en-US': {
    multi: 'Choose TWO.',
    order: 'Put the items in the right order: pick the right sequence (e.g. B → D → A → C).',
    truefalse: 'Answer True or False.',
  },
} as const;

/**
 * The question as plain text, as the bot shows it: the stem, then the options lettered "A) ...".
 * The options are always in the text, so buttons can carry just the letters (long options fit).
 */
export function renderQuestionText(question: Question, locale: Locale): string {
  const lines = [question.stem, ''];
  if (question.type === 'truefalse') {
    lines.push(INSTRUCTIONS[locale].truefalse);
  } else {
    question.options.forEach((option, i) => lines.push(`${letter(i)}) ${option}`));
    if (question.type === 'multi' && !/Escolha (DUAS|DOIS)/.test(question.stem)) {
      lines.push('', INSTRUCTIONS[locale].multi);
    } else if (question.type === 'multi' && locale === 'en-US') {
      lines.push('', INSTRUCTIONS[locale].multi);
    }
    if (question.type === 'order') lines.push('', INSTRUCTIONS[locale].order);
  }
  return lines.join('\n');
}

/** The right answer as letters, e.g. "B" or "A, C" or "C, A, D, B" (order). */
export function renderAnswer(question: Question): string {
  if (question.type === 'truefalse') return question.options[question.answers[0] ?? 0] ?? '';
  return question.answers.map(letter).join(', ');
}
