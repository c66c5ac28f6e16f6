import type { Question } from '../deck/types';
import type { Locale } from '../shared/i18n';
import { optionLetter } from './choice';
import { defineMessages } from '../shared/i18n';

const explainMessages = defineMessages({
  'pt-BR': { whyNot: 'Por que não as outras', whyOrder: 'Por que nesta ordem', unused: 'Sobram' },
  'en-US': { whyNot: 'Why not the others', whyOrder: 'Why this order', unused: 'Left over' },
});

/**
 * What a revealed question teaches: the reason the key is right, then why each other option is wrong
 * here (single/multi), why each step sits where it does (order), or why the leftover options match no item
 * (match). Rationales are per option, written by the item's author or derived by the template.
 */
export function explainAnswer(
  question: Question,
  locale: Locale,
): { key: string; others?: { title: string; text: string } } {
  const text = explainMessages(locale);
  const why = (i: number) => `**${optionLetter(i)})** ${question.rationales[i] ?? ''}`;
  switch (question.type) {
    case 'order':
      return {
        key: question.explanation,
        others: { title: text.whyOrder, text: question.answers.map(why).join('\n') },
      };
    case 'match': {
      const unused = question.options.map((_, i) => i).filter((i) => !question.answers.includes(i));
      const used = [...new Set(question.answers)];
      return {
        key: [question.explanation, '', ...used.map(why)].join('\n'),
        ...(unused.length > 0 ? { others: { title: text.unused, text: unused.map(why).join('\n') } } : {}),
      };
    }
    default: {
      const wrong = question.options.map((_, i) => i).filter((i) => !question.answers.includes(i));
      return {
        key: question.explanation,
        ...(wrong.length > 0 ? { others: { title: text.whyNot, text: wrong.map(why).join('\n') } } : {}),
      };
    }
  }
}
