import { describe, expect, it } from 'vitest';
import { buildDeck, buildDeckDetailed } from '../../src/deck/build';
import { exportDeck } from '../../src/deck/export';
import { createDeckIndex, DEFAULT_NOTES_PATH, loadDeck } from '../../src/deck/index';
import { normalize } from '../../src/deck/text';
import type { Question } from '../../src/deck/types';
import { deckSchema } from '../../src/deck/types';
import { NOTES, NOTES_FILE, notesWith, shippedDeck } from './helpers';

const content = (q: Question) =>
  `${normalize(q.stem)}|${q.answers.map((a) => normalize(q.options[a] ?? '')).join('|')}`;

describe('the shipped deck', () => {
  const { deck } = shippedDeck();
  const drill = deck.questions.filter((q) => q.tier === 'drill');

  it('has two tiers of distinct questions, and no true/false anywhere', () => {
    expect(deckSchema.parse(deck)).toBeTruthy();
    expect(new Set(deck.questions.map((q) => q.id)).size).toBe(deck.questions.length);
    expect(new Set(deck.questions.map(content)).size).toBe(deck.questions.length);
    expect(deck.questions.filter((q) => q.tier === 'exam').length).toBeGreaterThanOrEqual(400);
    expect(drill.length).toBeGreaterThanOrEqual(200);
    expect(new Set(drill.map((q) => q.type))).toEqual(new Set(['single', 'multi', 'order']));
    expect(deck.questions.some((q) => q.type === 'truefalse')).toBe(false);
  });

  it('gives every drill question a rationale per option and a quoted source line', () => {
    for (const q of drill) {
      expect(q.rationales, q.id).toHaveLength(q.options.length);
      expect(q.sources.length, q.id).toBeGreaterThan(0);
      expect(q.objectives).toEqual([]);
      expect(q.beyond).toBe(false);
    }
  });

  it('has a card per service, nearly all with at least 2 questions for "test me"', () => {
    expect(deck.services.length).toBeGreaterThanOrEqual(45);
    const thin = deck.services.filter((c) => c.questionIds.length < 2).map((c) => c.name);
    expect(thin.length, thin.join(', ')).toBeLessThanOrEqual(8);
    // A few peripheral cards (Neptune ML once the errata correct the notes, AWS DeepRacer, container
    // services) may have nothing left to ask; every AI service card has something.
    const none = deck.services.filter((c) => c.questionIds.length === 0);
    expect(none.length, none.map((c) => c.name).join(', ')).toBeLessThanOrEqual(3);
    const ai = deck.services.filter((c) => /IA|SageMaker|Bedrock|Amazon Q/.test(c.category));
    expect(ai.length).toBeGreaterThan(30);
    for (const card of ai) expect(card.questionIds.length, card.name).toBeGreaterThan(0);
    const ids = new Set(deck.questions.map((q) => q.id));
    for (const card of deck.services) for (const id of card.questionIds) expect(ids.has(id)).toBe(true);
  });

  it('keeps topics few and short, with a source for every question', () => {
    const topics = new Set(deck.questions.map((q) => q.topic));
    expect(topics.size).toBeLessThanOrEqual(45);
    for (const topic of topics) expect(topic.length).toBeLessThanOrEqual(100);
    for (const q of deck.questions) {
      if (q.beyond) {
        expect(q.doc, q.id).toMatch(/^https:\/\//);
        continue;
      }
      expect(q.source.line).toBeGreaterThan(0);
      expect(q.source.line).toBeLessThanOrEqual(NOTES.split('\n').length);
    }
  });

  it('order questions list every option once and are not already in order', () => {
    const orders = deck.questions.filter((q) => q.type === 'order');
    expect(orders.length).toBeGreaterThan(0);
    for (const q of orders) {
      expect([...q.answers].sort((a, b) => a - b)).toEqual(q.options.map((_, i) => i));
      expect(q.answers.every((a, i) => a === i)).toBe(false);
    }
  });
});

// Each test here builds the deck again: give them room on a loaded machine.
describe('determinism and stable ids', { timeout: 120_000 }, () => {
  it('builds byte-identical exports from the same notes', () => {
    const a = exportDeck(buildDeck(NOTES, { file: NOTES_FILE }));
    const b = exportDeck(buildDeck(NOTES, { file: NOTES_FILE }));
    expect(a).toBe(b);
    const parsed = JSON.parse(a) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['notesSha256', 'questions', 'services']);
  });

  it('editing one metric use case changes only the ids of questions built from it', () => {
    const oldText = 'Útil em problemas de regressão como previsão de preços de casas ou valores de ações.';
    const newText = 'Útil em problemas de regressão como previsão de demanda de energia elétrica.';
    // The drill tier alone: the item bank quotes this passage, so with the bank the build stops instead
    // (item-bank.test.ts shows that).
    const before = buildDeckDetailed(NOTES, { file: NOTES_FILE, items: [] }).deck;
    const after = buildDeckDetailed(notesWith(oldText, newText), { file: NOTES_FILE, items: [] }).deck;
    const afterIds = new Set(after.questions.map((q) => q.id));
    const beforeIds = new Set(before.questions.map((q) => q.id));
    const gone = before.questions.filter((q) => !afterIds.has(q.id));
    const added = after.questions.filter((q) => !beforeIds.has(q.id));
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.length).toBeLessThanOrEqual(10);
    const old = normalize(oldText.replace(/\.$/, ''));
    for (const q of gone) {
      expect(normalize([q.stem, ...q.options, q.explanation].join(' '))).toContain(old);
    }
    for (const q of added) {
      expect(normalize([q.stem, ...q.options, q.explanation].join(' '))).toContain(
        normalize('demanda de energia'),
      );
    }
  });

  it('moving text down (new lines above) keeps every id', () => {
    const shifted = notesWith('## Links Úteis', '## Links Úteis\n\nUma linha nova.\n');
    const after = buildDeck(shifted, { file: NOTES_FILE });
    expect(after.questions.map((q) => q.id)).toEqual(shippedDeck().deck.questions.map((q) => q.id));
  });
});

describe('public API', () => {
  it('loadDeck reads the default notes and createDeckIndex finds services by alias', () => {
    expect(DEFAULT_NOTES_PATH.endsWith('data/notes/aif-c01.pt-BR.md')).toBe(true);
    const deck = loadDeck();
    const index = createDeckIndex(deck);
    expect(index.servicesByName.get('aws rekognition')?.name).toBe('Amazon Rekognition');
    expect(index.servicesByName.get('Amazon Bedrock')?.name).toBe('Amazon Bedrock');
    const first = deck.questions[0]!;
    expect(index.questionById.get(first.id)).toBe(first);
    expect(index.topics.length).toBe(index.questionsByTopic.size);
    expect([...index.questionsByDomain.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
