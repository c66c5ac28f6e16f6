import { letter } from './templates/choice';
import type { Question } from './types';

import type { Locale } from '../shared/i18n';

export type { Locale };

const INSTRUCTIONS = {
  'pt-BR': {
    multi: (count: number) => (count === 3 ? 'Escolha TRÊS.' : 'Escolha DUAS.'),
    order: 'Coloque as alternativas na ordem correta.',
    match: 'Associe cada item (1, 2, …) a uma alternativa (A, B, …).',
    items: 'Itens:',
    options: 'Alternativas:',
    truefalse: 'Responda Verdadeiro ou Falso.',
  },
  'en-US': {
    multi: (count: number) => (count === 3 ? 'Choose THREE.' : 'Choose TWO.'),
    order: 'Put the options in the right order.',
    match: 'Match each item (1, 2, …) to an option (A, B, …).',
    items: 'Items:',
    options: 'Options:',
    truefalse: 'Answer True or False.',
  },
} as const;

/**
 * The question as plain text, as the bot shows it: the stem, then the options lettered "A) ...".
 * The options are always in the text, so buttons can carry just the letters (long options fit).
 */
export function renderQuestionText(question: Question, locale: Locale): string {
  const text = INSTRUCTIONS[locale];
  const lines = [question.stem, ''];
  if (question.type === 'truefalse') {
    lines.push(text.truefalse);
    return lines.join('\n');
  }
  if (question.type === 'match') {
    lines.push(text.items);
    (question.prompts ?? []).forEach((prompt, i) => lines.push(`${i + 1}. ${prompt}`));
    lines.push('', text.options);
  }
  question.options.forEach((option, i) => lines.push(`${letter(i)}) ${option}`));
  if (question.type === 'multi') {
    // pt-BR stems already end with "(Escolha DUAS.)"; an English reader gets the instruction in English.
    const said = /Escolha (DUAS|DOIS|TRÊS)/.test(question.stem);
    if (!said || locale === 'en-US') lines.push('', text.multi(question.answers.length));
  }
  if (question.type === 'order' || question.type === 'match') lines.push('', text[question.type]);
  return lines.join('\n');
}

/** The right answer as letters, e.g. "B" or "A, C" or "C, A, D, B" (order) or "1→B, 2→A" (match). */
export function renderAnswer(question: Question): string {
  if (question.type === 'truefalse') return question.options[question.answers[0] ?? 0] ?? '';
  if (question.type === 'match') return question.answers.map((a, i) => `${i + 1}→${letter(a)}`).join(', ');
  return question.answers.map(letter).join(', ');
}
