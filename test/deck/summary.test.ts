import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck';
import { summarizeDeck } from '../../src/deck/summary';

describe('summarizeDeck', () => {
  const deck = loadDeck();
  const summary = summarizeDeck(deck);

  it('counts every question once in each breakdown', () => {
    const sum = (rows: { count: number }[]) => rows.reduce((total, row) => total + row.count, 0);
    expect(summary.questions).toBe(deck.questions.length);
    expect(sum(summary.byDomain)).toBe(deck.questions.length);
    expect(sum(summary.byType)).toBe(deck.questions.length);
    expect(sum(summary.byTopic)).toBe(deck.questions.length);
    expect(summary.byDomain.reduce((total, d) => total + d.share, 0)).toBeCloseTo(1);
  });

  it('matches the deck for a spot check', () => {
    const multi = deck.questions.filter((q) => q.type === 'multi').length;
    expect(summary.byType.find((t) => t.type === 'multi')?.count).toBe(multi);
    expect(summary.topics).toBe(new Set(deck.questions.map((q) => q.topic)).size);
    expect(summary.servicesWithTwoQuestions).toBe(
      deck.services.filter((s) => s.questionIds.length >= 2).length,
    );
  });
});
