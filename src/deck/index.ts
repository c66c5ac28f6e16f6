// TEMPORARY LOCAL STUB — DO NOT COMMIT (the deck engineer's module replaces it)
import type { Deck, Question, ServiceCard } from './types';
export interface DeckIndex {
  deck: Deck;
  questionById: Map<string, Question>;
  servicesByName: Map<string, ServiceCard>;
  questionsByTopic: Map<string, Question[]>;
  questionsByDomain: Map<number, Question[]>;
  topics: string[];
}
export function createDeckIndex(deck: Deck): DeckIndex {
  const servicesByName = new Map<string, ServiceCard>();
  for (const s of deck.services) {
    servicesByName.set(s.name, s);
    for (const a of s.aliases) servicesByName.set(a.toLowerCase(), s);
  }
  return {
    deck,
    questionById: new Map(deck.questions.map((q) => [q.id, q])),
    servicesByName,
    questionsByTopic: new Map(),
    questionsByDomain: new Map(),
    topics: [],
  };
}
export function loadDeck(): Deck {
  throw new Error('stub');
}
