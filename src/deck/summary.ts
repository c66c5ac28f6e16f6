import type { Deck, ExamDomain, QuestionType } from './types';

export interface DeckSummary {
  questions: number;
  services: number;
  topics: number;
  notesSha256: string;
  byDomain: { domain: ExamDomain; count: number; share: number }[];
  byType: { type: QuestionType; count: number }[];
  byTopic: { topic: string; count: number }[];
  servicesWithTwoQuestions: number;
}

/** The deck's figures, for /deck and `npm run deck -- stats`. */
export function summarizeDeck(deck: Deck): DeckSummary {
  const total = deck.questions.length;
  const domainCounts = new Map<ExamDomain, number>();
  const typeCounts = new Map<QuestionType, number>();
  const topicCounts = new Map<string, number>();
  for (const q of deck.questions) {
    topicCounts.set(q.topic, (topicCounts.get(q.topic) ?? 0) + 1);
    domainCounts.set(q.domain, (domainCounts.get(q.domain) ?? 0) + 1);
    typeCounts.set(q.type, (typeCounts.get(q.type) ?? 0) + 1);
  }
  const domains: ExamDomain[] = [1, 2, 3, 4, 5];
  const types: QuestionType[] = ['single', 'multi', 'truefalse', 'order'];
  return {
    questions: total,
    services: deck.services.length,
    topics: topicCounts.size,
    notesSha256: deck.notesSha256,
    byDomain: domains.map((domain) => {
      const count = domainCounts.get(domain) ?? 0;
      return { domain, count, share: total === 0 ? 0 : count / total };
    }),
    byType: types.map((type) => ({ type, count: typeCounts.get(type) ?? 0 })),
    byTopic: [...topicCounts]
      .map(([topic, count]) => ({ topic, count }))
      .sort((a, b) => a.topic.localeCompare(b.topic, 'pt-BR')),
    servicesWithTwoQuestions: deck.services.filter((s) => s.questionIds.length >= 2).length,
  };
}
