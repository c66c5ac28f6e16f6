import { describe, expect, it } from 'vitest';
import {
  isCorrectChoice,
  pointsForCorrect,
  rankPodium,
  scoreAnswer,
  streakBonus,
  type PodiumEntry,
} from '../../src/quiz/scoring';

describe('pointsForCorrect', () => {
  it('gives 1000 for an instant answer and 500 at the deadline', () => {
    expect(pointsForCorrect(0, 20_000)).toBe(1000);
    expect(pointsForCorrect(20_000, 20_000)).toBe(500);
    expect(pointsForCorrect(10_000, 20_000)).toBe(750);
    expect(pointsForCorrect(5_000, 20_000)).toBe(875);
  });

  it('rounds to the nearest point (half up)', () => {
    expect(pointsForCorrect(1, 1000)).toBe(1000); // 999.5
    expect(pointsForCorrect(3, 1000)).toBe(999); // 998.5 → 999
    expect(pointsForCorrect(1, 3)).toBe(833); // 833.33
    expect(pointsForCorrect(2, 3)).toBe(667); // 666.67
  });

  it('clamps late and negative times', () => {
    expect(pointsForCorrect(25_000, 20_000)).toBe(500);
    expect(pointsForCorrect(Number.POSITIVE_INFINITY, 20_000)).toBe(500);
    expect(pointsForCorrect(-5, 20_000)).toBe(1000);
  });

  it('stays within 500..1000 and never rises with time', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (let t = -100; t <= 15_100; t += 37) {
      const points = pointsForCorrect(t, 15_000);
      expect(points).toBeGreaterThanOrEqual(500);
      expect(points).toBeLessThanOrEqual(1000);
      expect(points).toBeLessThanOrEqual(previous);
      previous = points;
    }
  });

  it('rejects a limit that is not a positive number, and a NaN time', () => {
    expect(() => pointsForCorrect(0, 0)).toThrow(RangeError);
    expect(() => pointsForCorrect(0, -1)).toThrow(RangeError);
    expect(() => pointsForCorrect(0, Number.NaN)).toThrow(RangeError);
    expect(() => pointsForCorrect(Number.NaN, 1000)).toThrow(RangeError);
  });
});

describe('streakBonus', () => {
  it('is 100 per correct answer in a row before this one, capped at 500', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map(streakBonus)).toEqual([
      0, 100, 200, 300, 400, 500, 500, 500, 500,
    ]);
  });

  it('rejects a negative or fractional streak', () => {
    expect(() => streakBonus(-1)).toThrow(RangeError);
    expect(() => streakBonus(1.5)).toThrow(RangeError);
  });
});

describe('scoreAnswer', () => {
  it('adds base and streak bonus for a correct answer and extends the streak', () => {
    expect(scoreAnswer({ correct: true, responseMs: 0, limitMs: 20_000, streakBefore: 0 })).toEqual({
      points: 1000,
      base: 1000,
      bonus: 0,
      streakAfter: 1,
    });
    expect(scoreAnswer({ correct: true, responseMs: 10_000, limitMs: 20_000, streakBefore: 2 })).toEqual({
      points: 950,
      base: 750,
      bonus: 200,
      streakAfter: 3,
    });
  });

  it('scores 0 and resets the streak for a wrong or missing answer', () => {
    const reset = { points: 0, base: 0, bonus: 0, streakAfter: 0 };
    expect(scoreAnswer({ correct: false, responseMs: 100, limitMs: 20_000, streakBefore: 4 })).toEqual(reset);
    expect(scoreAnswer({ correct: false, limitMs: 20_000, streakBefore: 4 })).toEqual(reset);
  });

  it('caps a round of correct answers at 1500 points each from the sixth on', () => {
    let streak = 0;
    const points: number[] = [];
    for (let question = 0; question < 8; question += 1) {
      const score = scoreAnswer({ correct: true, responseMs: 0, limitMs: 10_000, streakBefore: streak });
      points.push(score.points);
      streak = score.streakAfter;
    }
    expect(points).toEqual([1000, 1100, 1200, 1300, 1400, 1500, 1500, 1500]);
  });

  it('starts again from no bonus after a miss', () => {
    let streak = 0;
    const bonuses: number[] = [];
    for (const correct of [true, true, true, false, true, true]) {
      const score = scoreAnswer({ correct, responseMs: 5_000, limitMs: 10_000, streakBefore: streak });
      bonuses.push(score.bonus);
      streak = score.streakAfter;
    }
    expect(bonuses).toEqual([0, 100, 200, 0, 0, 100]);
  });

  it('needs a response time for a correct answer', () => {
    expect(() => scoreAnswer({ correct: true, limitMs: 20_000, streakBefore: 0 })).toThrow(RangeError);
  });
});

describe('isCorrectChoice', () => {
  it('single and true/false: exactly the one right option', () => {
    expect(isCorrectChoice([2], [2], 'single')).toBe(true);
    expect(isCorrectChoice([1], [2], 'single')).toBe(false);
    expect(isCorrectChoice([2, 1], [2], 'single')).toBe(false);
    expect(isCorrectChoice([], [2], 'single')).toBe(false);
    expect(isCorrectChoice([0], [0], 'truefalse')).toBe(true);
    expect(isCorrectChoice([1], [0], 'truefalse')).toBe(false);
  });

  it('multi: the same set, all or nothing, in any order', () => {
    expect(isCorrectChoice([1, 3], [1, 3], 'multi')).toBe(true);
    expect(isCorrectChoice([3, 1], [1, 3], 'multi')).toBe(true);
    expect(isCorrectChoice([1], [1, 3], 'multi')).toBe(false);
    expect(isCorrectChoice([1, 3, 4], [1, 3], 'multi')).toBe(false);
    expect(isCorrectChoice([1, 2], [1, 3], 'multi')).toBe(false);
    expect(isCorrectChoice([1, 1], [1, 3], 'multi')).toBe(false);
    expect(isCorrectChoice([1, 3, 3], [1, 3], 'multi')).toBe(false);
    expect(isCorrectChoice([], [1, 3], 'multi')).toBe(false);
  });

  it('order: the same sequence', () => {
    expect(isCorrectChoice([2, 0, 3, 1], [2, 0, 3, 1], 'order')).toBe(true);
    expect(isCorrectChoice([0, 2, 3, 1], [2, 0, 3, 1], 'order')).toBe(false);
    expect(isCorrectChoice([2, 0, 3], [2, 0, 3, 1], 'order')).toBe(false);
    expect(isCorrectChoice([2, 0, 3, 1, 1], [2, 0, 3, 1], 'order')).toBe(false);
  });
});

describe('rankPodium', () => {
  const entry = (userId: string, points: number, correct: number, lastCorrectAtMs?: number): PodiumEntry =>
    lastCorrectAtMs === undefined
      ? { userId, points, correct }
      : { userId, points, correct, lastCorrectAtMs };

  it('orders by points, then correct answers, then the earlier last correct answer, then user id', () => {
    const ranked = rankPodium([
      entry('500', 900, 1, 5_000),
      entry('400', 1500, 2, 9_000),
      entry('300', 1500, 2, 8_000),
      entry('200', 1500, 3, 9_500),
      entry('100', 2000, 2, 9_000),
    ]);
    expect(ranked.map((e) => [e.userId, e.rank])).toEqual([
      ['100', 1],
      ['200', 2],
      ['300', 3],
      ['400', 4],
      ['500', 5],
    ]);
  });

  it('shares a rank on an exact tie and skips the next ("1, 1, 3")', () => {
    const ranked = rankPodium([
      entry('b', 1000, 1, 4_000),
      entry('c', 800, 1, 4_000),
      entry('a', 1000, 1, 4_000),
    ]);
    expect(ranked.map((e) => [e.userId, e.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });

  it('orders Discord ids numerically, not as text', () => {
    const ranked = rankPodium([entry('1000000000000000001', 0, 0), entry('999999999999999999', 0, 0)]);
    expect(ranked.map((e) => e.userId)).toEqual(['999999999999999999', '1000000000000000001']);
    expect(ranked.map((e) => e.rank)).toEqual([1, 1]);
  });

  it('puts members without a correct answer after those with one on equal points', () => {
    const ranked = rankPodium([entry('a', 0, 0), entry('b', 0, 0, 1_000)]);
    expect(ranked.map((e) => [e.userId, e.rank])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it('does not depend on input order and leaves the input alone', () => {
    const entries = [entry('x', 10, 1, 3), entry('y', 10, 1, 3), entry('z', 30, 2, 1), entry('w', 10, 1, 2)];
    const copy = structuredClone(entries);
    const expected = rankPodium(entries);
    expect(entries).toEqual(copy);
    for (let shift = 1; shift < entries.length; shift += 1) {
      const rotated = [...entries.slice(shift), ...entries.slice(0, shift)];
      expect(rankPodium(rotated)).toEqual(expected);
      expect(rankPodium([...rotated].reverse())).toEqual(expected);
    }
  });

  it('keeps extra fields and handles an empty round', () => {
    expect(rankPodium([{ userId: 'a', points: 1, correct: 1, lastCorrectAtMs: 5, name: 'Ana' }])).toEqual([
      { userId: 'a', points: 1, correct: 1, lastCorrectAtMs: 5, name: 'Ana', rank: 1 },
    ]);
    expect(rankPodium([])).toEqual([]);
  });
});
