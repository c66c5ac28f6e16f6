import { describe, expect, it } from 'vitest';
import { createDeckIndex, loadDeck } from '../../src/deck';
import { seededRandom } from '../../src/deck/random';
import { EXAM_DOMAINS, type ExamDomain } from '../../src/deck/types';
import { apportion, domainQuotas, drawMock, MOCK_ITEMS } from '../../src/mock/draw';
import { PASS_MARK, passes, scaledScore, scoreMock } from '../../src/mock/scoring';

describe('the scaled score (an estimate)', () => {
  it('is 100 with nothing right, 1000 with everything right, and clamps outside', () => {
    expect(scaledScore(0, 65)).toBe(100);
    expect(scaledScore(65, 65)).toBe(1000);
    expect(scaledScore(-3, 65)).toBe(100);
    expect(scaledScore(70, 65)).toBe(1000);
    expect(scaledScore(0, 0)).toBe(100);
  });
  it('puts the 700 pass mark at two thirds right: 44/65 passes, 43/65 does not', () => {
    expect(scaledScore(44, 65)).toBe(709);
    expect(scaledScore(43, 65)).toBe(695);
    expect(passes(scaledScore(44, 65))).toBe(true);
    expect(passes(scaledScore(43, 65))).toBe(false);
    expect(passes(PASS_MARK)).toBe(true);
    expect(passes(PASS_MARK - 1)).toBe(false);
    expect(scaledScore(2, 3)).toBe(PASS_MARK);
  });
  it('is monotonic in the number right', () => {
    const scores = Array.from({ length: 66 }, (_, c) => scaledScore(c, 65));
    for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeGreaterThan(scores[i - 1]!);
  });
});

describe('the mock draw', () => {
  const deck = createDeckIndex(loadDeck());
  const pool = deck.examTier;

  it('apportions by largest remainder, each within 1 of its exact share', () => {
    expect(domainQuotas()).toEqual({ 1: 13, 2: 16, 3: 18, 4: 9, 5: 9 });
    expect(apportion([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(apportion([0, 5], 3)).toEqual([0, 3]);
  });

  it('over 1,000 seeds: 65 distinct exam items, each domain within ±1 item of its weight', () => {
    for (let seed = 0; seed < 1000; seed++) {
      const items = drawMock(pool, seededRandom(`mock-${seed}`));
      expect(items).toHaveLength(MOCK_ITEMS);
      expect(new Set(items.map((q) => q.id)).size).toBe(MOCK_ITEMS);
      for (const d of [1, 2, 3, 4, 5] as ExamDomain[]) {
        const n = items.filter((q) => q.domain === d).length;
        expect(
          Math.abs(n - MOCK_ITEMS * EXAM_DOMAINS[d].weight),
          `seed ${seed} domain ${d}`,
        ).toBeLessThanOrEqual(1);
      }
      expect(items.every((q) => q.tier === 'exam')).toBe(true);
    }
  });

  it('mixes the formats in the bank’s proportions and varies with the seed', () => {
    const items = drawMock(pool, seededRandom('formats'));
    const types = new Set(items.map((q) => q.type));
    expect(types).toEqual(new Set(['single', 'multi', 'order', 'match']));
    const single = items.filter((q) => q.type === 'single').length;
    expect(single).toBeGreaterThan(40);
    expect(single).toBeLessThan(52);
    const other = drawMock(pool, seededRandom('formats-2'));
    expect(other.map((q) => q.id)).not.toEqual(items.map((q) => q.id));
  });

  it('scores a whole mock: blanks are wrong, per-domain tallies add up, misses in exam order', () => {
    const items = drawMock(pool, seededRandom('score'));
    const answers = items.map((q, position) => ({
      position,
      questionId: q.id,
      // Right on even positions, blank on every fifth, wrong otherwise.
      choice:
        position % 5 === 4
          ? null
          : position % 2 === 0
            ? q.answers.join(',')
            : q.type === 'order' || q.type === 'match'
              ? [...q.answers].reverse().join(',') === q.answers.join(',')
                ? q.answers.map((a) => (a + 1) % q.options.length).join(',')
                : [...q.answers].reverse().join(',')
              : String(q.options.findIndex((_, i) => !q.answers.includes(i))),
    }));
    const result = scoreMock(answers, deck.questionById);
    const right = answers.filter((a) => a.position % 5 !== 4 && a.position % 2 === 0).length;
    expect(result.correct).toBe(right);
    expect(result.total).toBe(65);
    expect(result.answered).toBe(52);
    expect(result.scaled).toBe(scaledScore(right, 65));
    expect(result.byDomain.reduce((a, d) => a + d.total, 0)).toBe(65);
    expect(result.byDomain.reduce((a, d) => a + d.correct, 0)).toBe(right);
    expect(result.misses).toHaveLength(65 - right);
    expect(result.misses.map((m) => m.position)).toEqual(
      [...result.misses.map((m) => m.position)].sort((a, b) => a - b),
    );
    expect(result.misses.filter((m) => m.choice === null)).toHaveLength(13);
  });
});
