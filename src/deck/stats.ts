import type { Deck } from './types';
import { EXAM_DOMAINS } from './types';

export interface DeckStats {
  questions: number;
  byType: Record<string, number>;
  byDomain: Record<string, number>;
  byTopic: Record<string, number>;
  services: number;
  servicesWithTwoQuestions: number;
}

function count(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
}

export function deckStats(deck: Deck): DeckStats {
  return {
    questions: deck.questions.length,
    byType: count(deck.questions.map((q) => q.type)),
    byDomain: count(deck.questions.map((q) => `${q.domain} ${EXAM_DOMAINS[q.domain]['en-US']}`)),
    byTopic: count(deck.questions.map((q) => q.topic)),
    services: deck.services.length,
    servicesWithTwoQuestions: deck.services.filter((s) => s.questionIds.length >= 2).length,
  };
}
