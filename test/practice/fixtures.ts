import { createDeckIndex, type DeckIndex } from '../../src/deck';
import type { ExamDomain, Question } from '../../src/deck/types';
import { makeQuestion, matchQ } from '../quiz/fixtures';
import { smallDeck } from '../support/daily-fixtures';

/** `perDomain` single-answer exam items in each domain (objectives d.1.1 / d.2.1), plus a matching item. */
export function examItems(perDomain = 4): Question[] {
  const items: Question[] = [];
  for (const domain of [1, 2, 3, 4, 5] as ExamDomain[]) {
    for (let i = 0; i < perDomain; i++) {
      items.push(
        makeQuestion({
          id: `ex-${domain}-${i}`,
          tier: 'exam',
          domain,
          objectives: [`${domain}.${1 + (i % 2)}.1`],
          answers: [i % 4],
          rationales: ['Razão de A.', 'Razão de B.', 'Razão de C.', 'Razão de D.'],
        }),
      );
    }
  }
  return items;
}

/** The small test deck with an exam tier of `items` (and the matching item in domain 3). */
export function practiceDeck(items: Question[] = examItems()): DeckIndex {
  const base = smallDeck().deck;
  return createDeckIndex({
    ...base,
    questions: [...base.questions, ...items, { ...matchQ, tier: 'exam', domain: 3, objectives: ['3.1.1'] }],
  });
}
