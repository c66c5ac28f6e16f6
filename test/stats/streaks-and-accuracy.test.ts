import { describe, expect, it } from 'vitest';
import { accuracyBar, weakestTopics } from '../../src/stats/accuracy';
import { currentDayStreak, longestRun } from '../../src/stats/streaks';

describe('streaks', () => {
  it('finds the longest run of correct answers', () => {
    expect(longestRun([])).toBe(0);
    expect(longestRun([false, false])).toBe(0);
    expect(longestRun([true, true, false, true, true, true, false, true])).toBe(3);
    expect(longestRun([false, true, true, true, true])).toBe(4);
  });

  it('counts consecutive days up to today, or up to yesterday when today is still open', () => {
    expect(currentDayStreak(['2026-11-28', '2026-11-29', '2026-11-30'], '2026-11-30')).toBe(3);
    expect(currentDayStreak(['2026-11-28', '2026-11-29'], '2026-11-30')).toBe(2);
    expect(currentDayStreak(['2026-11-27', '2026-11-28'], '2026-11-30')).toBe(0);
    expect(currentDayStreak(['2026-11-26', '2026-11-28', '2026-11-29', '2026-11-29'], '2026-11-29')).toBe(2);
    expect(currentDayStreak([], '2026-11-29')).toBe(0);
  });
});

describe('accuracy', () => {
  it('draws a ten-cell bar with the share and counts', () => {
    expect(accuracyBar({ answered: 20, correct: 12 })).toBe('██████░░░░ 60% (12/20)');
    expect(accuracyBar({ answered: 3, correct: 3 })).toBe('██████████ 100% (3/3)');
    expect(accuracyBar({ answered: 3, correct: 1 })).toBe('███░░░░░░░ 33% (1/3)');
    expect(accuracyBar({ answered: 0, correct: 0 })).toBe('░░░░░░░░░░ 0% (0/0)');
  });

  it('picks the three weakest topics with enough answers and at least one miss', () => {
    const topics = [
      { topic: 'A', answered: 10, correct: 9 },
      { topic: 'B', answered: 2, correct: 0 }, // too few answers to judge
      { topic: 'C', answered: 4, correct: 1 },
      { topic: 'D', answered: 8, correct: 2 }, // same 25% as C, more evidence
      { topic: 'E', answered: 5, correct: 5 }, // no misses
      { topic: 'F', answered: 3, correct: 2 },
    ];
    expect(weakestTopics(topics).map((t) => t.topic)).toEqual(['D', 'C', 'F']);
  });
});
