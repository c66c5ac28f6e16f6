import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck';
import { summarizeDeck } from '../../src/deck/summary';

describe('summarizeDeck', () => {
  const deck = loadDeck();
  const summary = summarizeDeck(deck);

  const exam = deck.questions.filter((q) => q.tier === 'exam');

  it('counts both tiers, and every exam item once in each breakdown', () => {
    const sum = (rows: { count: number }[]) => rows.reduce((total, row) => total + row.count, 0);
    expect(summary.questions).toBe(deck.questions.length);
    expect(summary.byTier).toEqual({ exam: exam.length, drill: deck.questions.length - exam.length });
    expect(sum(summary.byDomain)).toBe(exam.length);
    expect(sum(summary.byType)).toBe(exam.length);
    expect(sum(summary.byTopic)).toBe(exam.length);
    expect(summary.byDomain.reduce((total, d) => total + d.share, 0)).toBeCloseTo(1);
  });

  it('matches the deck for a spot check', () => {
    const multi = exam.filter((q) => q.type === 'multi').length;
    expect(summary.byType.find((t) => t.type === 'multi')?.count).toBe(multi);
    expect(summary.byType.find((t) => t.type === 'match')?.count).toBe(
      exam.filter((q) => q.type === 'match').length,
    );
    expect(summary.topics).toBe(new Set(exam.map((q) => q.topic)).size);
    expect(summary.servicesWithTwoQuestions).toBe(
      deck.services.filter((s) => s.questionIds.length >= 2).length,
    );
  });
});
