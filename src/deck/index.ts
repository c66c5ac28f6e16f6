import { readFileSync } from 'node:fs';
import { projectPath } from '../shared/project-root';
import { buildDeck } from './build';
import { deckCacheKey, folderCache, type DeckCache } from './cache';
import type { Deck, Question, ServiceCard, Tier } from './types';
import { normalize } from './text';

export { buildDeck, buildDeckDetailed } from './build';
export type { BuildOptions, BuildResult } from './build';
export { NotesError, DeckLintError } from './errors';
export { lintDeck } from './lint';
export type { LintContext, LintFinding, LintRule } from './lint';
export { renderQuestionText, renderAnswer } from './render';
export type { Locale } from './render';
export * from './types';

/** The notes the bot ships with, found from the project root (works from any working directory). */
export const DEFAULT_NOTES_PATH = projectPath('data', 'notes', 'aif-c01.pt-BR.md');

/**
 * Read and build the deck, or take it from the cache when nothing it is built from changed (a build
 * parses the notes and the item bank and lints ~700 questions: most of a second; the cache takes a few
 * milliseconds). Pass `cache: null` to always build.
 */
export function loadDeck(path: string = DEFAULT_NOTES_PATH, cache: DeckCache | null = folderCache()): Deck {
  const notes = readFileSync(path, 'utf8');
  if (!cache) return buildDeck(notes, { file: path });
  const key = deckCacheKey(notes);
  const cached = cache.read(key);
  if (cached) return cached;
  const deck = buildDeck(notes, { file: path });
  cache.write(key, deck);
  return deck;
}

export interface DeckIndex {
  deck: Deck;
  /** What rounds, the question of the day and "test me" play by default: the item bank, or the
   * generated questions when the bank does not apply to these notes. */
  examTier: Question[];
  drillTier: Question[];
  questionById: Map<string, Question>;
  /** Official names and lowercased aliases → card. */
  servicesByName: Map<string, ServiceCard>;
  questionsByTopic: Map<string, Question[]>;
  questionsByDomain: Map<number, Question[]>;
  /** Topics sorted by name (pt-BR collation). */
  topics: string[];
}

export function createDeckIndex(deck: Deck): DeckIndex {
  const questionById = new Map(deck.questions.map((q) => [q.id, q]));
  const servicesByName = new Map<string, ServiceCard>();
  for (const card of deck.services) {
    servicesByName.set(card.name, card);
    servicesByName.set(card.name.toLowerCase(), card);
    for (const alias of card.aliases) {
      servicesByName.set(alias.toLowerCase(), card);
      servicesByName.set(normalize(alias), card);
    }
  }
  const questionsByTopic = new Map<string, Question[]>();
  const questionsByDomain = new Map<number, Question[]>();
  for (const q of deck.questions) {
    questionsByTopic.set(q.topic, [...(questionsByTopic.get(q.topic) ?? []), q]);
    questionsByDomain.set(q.domain, [...(questionsByDomain.get(q.domain) ?? []), q]);
  }
  const topics = [...questionsByTopic.keys()].sort((a, b) => a.localeCompare(b, 'pt-BR'));
  const exam = deck.questions.filter((q) => q.tier === 'exam');
  const drillTier = deck.questions.filter((q) => q.tier === 'drill');
  return {
    deck,
    examTier: exam.length > 0 ? exam : drillTier,
    drillTier,
    questionById,
    servicesByName,
    questionsByTopic,
    questionsByDomain,
    topics,
  };
}

/** The questions of one tier (exam by default). */
export function tierQuestions(index: DeckIndex, tier: Tier = 'exam'): Question[] {
  return tier === 'exam' ? index.examTier : index.drillTier;
}
