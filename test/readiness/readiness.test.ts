import { describe, expect, it } from 'vitest';
import { computeReadiness, FULL_RECALL_CARDS } from '../../src/readiness/readiness';
import { review, Rating } from '../../src/practice/scheduler';
import type { MemberCard } from '../../src/practice/card-store';
import { examItems, practiceDeck } from '../practice/fixtures';

const now = Date.UTC(2026, 11, 1, 12, 0);
const deck = practiceDeck(examItems(12));
const objectives = [1, 2, 3, 4, 5].flatMap((d) => [
  { id: `${d}.1.1`, domain: d as 1 | 2 | 3 | 4 | 5 },
  { id: `${d}.2.1`, domain: d as 1 | 2 | 3 | 4 | 5 },
]);
const base = { questionById: deck.questionById, allObjectives: objectives, now };

function freshCard(questionId: string): MemberCard {
  const card = review(review(null, Rating.Good, now - 3_600_000), Rating.Good, now - 3_000_000);
  return { ...card, questionId, correct: 2 };
}

describe('readiness', () => {
  it('is 0 everywhere (estimate 100) without any answers, with untried objectives of the heaviest domain first', () => {
    const r = computeReadiness({ ...base, recentByDomain: new Map(), cards: [], byQuestion: new Map() });
    expect(r.domains.every((d) => d.readiness === 0 && d.thin)).toBe(true);
    expect(r.estimate).toBe(100);
    expect(r.passes).toBe(false);
    expect(r.objectives.map((o) => o.id)).toEqual(['3.1.1', '3.2.1', '2.1.1']);
  });

  it('combines smoothed recent accuracy and recall, weighted as the exam weighs the domains', () => {
    const recentByDomain = new Map([1, 2, 3, 4, 5].map((d) => [d, { answered: 45, correct: 45 }]));
    const cards = deck.examTier
      .filter((q) => q.type === 'single')
      .slice(0, 60)
      .map((q) => freshCard(q.id));
    const r = computeReadiness({ ...base, recentByDomain, cards, byQuestion: new Map() });
    for (const d of r.domains) {
      expect(d.accuracy).toBeCloseTo(47.5 / 50, 5);
      expect(d.retrievability!).toBeGreaterThan(0.95);
      expect(d.readiness).toBeCloseTo((d.accuracy! + d.retrievability!) / 2, 10);
    }
    expect(r.estimate).toBeGreaterThan(900);
    expect(r.passes).toBe(true);

    // Only domain 3 (weight 28%) perfect, nothing elsewhere: overall = 0.28 × readiness_3.
    const only3 = computeReadiness({
      ...base,
      recentByDomain: new Map([[3, { answered: 95, correct: 95 }]]),
      cards: [],
      byQuestion: new Map(),
    });
    expect(only3.overall).toBeCloseTo(0.28 * (97.5 / 100), 10);
    expect(only3.estimate).toBe(Math.round(100 + 900 * only3.overall));
  });

  it('counts recall in full only from FULL_RECALL_CARDS items of a domain', () => {
    const one = computeReadiness({
      ...base,
      recentByDomain: new Map(),
      cards: [freshCard('ex-1-0')],
      byQuestion: new Map(),
    });
    expect(one.domains[0]!.retrievability!).toBeLessThanOrEqual(1 / FULL_RECALL_CARDS);
    expect(one.domains[0]!.retrievability!).toBeGreaterThan(0.9 / FULL_RECALL_CARDS);
  });

  it('names the objectives with the lowest accuracy (misses only, at least two answers) first', () => {
    const byQuestion = new Map([
      ['ex-1-0', { answered: 4, correct: 1 }], // 1.1.1: 25%
      ['ex-2-1', { answered: 2, correct: 1 }], // 2.2.1: 50%
      ['ex-3-0', { answered: 5, correct: 5 }], // 3.1.1: no misses
      ['ex-4-0', { answered: 1, correct: 0 }], // 4.1.1: one answer only
    ]);
    const r = computeReadiness({ ...base, recentByDomain: new Map(), cards: [], byQuestion });
    expect(r.objectives.map((o) => o.id)).toEqual(['1.1.1', '2.2.1', '3.2.1']);
    expect(r.objectives[0]).toEqual({ id: '1.1.1', answered: 4, correct: 1 });
  });
});
