import type { Deck, ExamDomain, QuestionType } from './types';

export interface DeckSummary {
  questions: number;
  services: number;
  topics: number;
  notesSha256: string;
  byDomain: { domain: ExamDomain; count: number; share: number }[];
  byType: { type: QuestionType; count: number }[];
}

/** The deck's figures, for /deck and the CLI. */
export function summarizeDeck(deck: Deck): DeckSummary {
  const total = deck.questions.length;
  const domainCounts = new Map<ExamDomain, number>();
  const typeCounts = new Map<QuestionType, number>();
  for (const q of deck.questions) {
    domainCounts.set(q.domain, (domainCounts.get(q.domain) ?? 0) + 1);
    typeCounts.set(q.type, (typeCounts.get(q.type) ?? 0) + 1);
  }
  const domains: ExamDomain[] = [1, 2, 3, 4, 5];
  const types: QuestionType[] = ['single', 'multi', 'truefalse', 'order'];
  return {
    questions: total,
    services: deck.services.length,
    topics: new Set(deck.questions.map((q) => q.topic)).size,
    notesSha256: deck.notesSha256,
    byDomain: domains.map((domain) => {
      const count = domainCounts.get(domain) ?? 0;
      return { domain, count, share: total === 0 ? 0 : count / total };
    }),
    byType: types.map((type) => ({ type, count: typeCounts.get(type) ?? 0 })),
  };
}
