import { describe, expect, it } from 'vitest';
import {
  FAST_MS,
  gradeOf,
  Rating,
  retrievability,
  review,
  SLOW_MS,
  type CardState,
} from '../../src/practice/scheduler';

const DAY = 86_400_000;
const start = Date.UTC(2026, 11, 1, 12, 0);

describe('the grade rule', () => {
  const wellKnown = { state: 2, stability: 12 };
  it('wrong → Again, slow → Hard, fast on a well-known card → Easy, otherwise Good', () => {
    expect(gradeOf({ correct: false, responseMs: 5_000 }, wellKnown)).toBe(Rating.Again);
    expect(gradeOf({ correct: true, responseMs: SLOW_MS + 1 }, wellKnown)).toBe(Rating.Hard);
    expect(gradeOf({ correct: true, responseMs: FAST_MS }, wellKnown)).toBe(Rating.Easy);
    expect(gradeOf({ correct: true, responseMs: FAST_MS + 1 }, wellKnown)).toBe(Rating.Good);
    // Fast on a new item, or on a card still in learning or of low stability, is only Good.
    expect(gradeOf({ correct: true, responseMs: 1_000 }, null)).toBe(Rating.Good);
    expect(gradeOf({ correct: true, responseMs: 1_000 }, { state: 1, stability: 30 })).toBe(Rating.Good);
    expect(gradeOf({ correct: true, responseMs: 1_000 }, { state: 2, stability: 6.9 })).toBe(Rating.Good);
  });
});

describe('FSRS over 60 days on an injected clock', () => {
  /** Reviews a card each time it falls due, answering as `answer(n)` says, until day 60. */
  function simulate(answer: (n: number) => { correct: boolean; responseMs: number }) {
    let card: CardState | null = null;
    let now = start;
    const log: { day: number; grade: number; dueInDays: number }[] = [];
    for (let n = 0; now < start + 60 * DAY; n++) {
      const grade = gradeOf(answer(n), card);
      card = review(card, grade, now);
      log.push({ day: (now - start) / DAY, grade, dueInDays: (card.due - now) / DAY });
      now = card.due;
    }
    return { card: card!, log };
  }

  it('always right at a normal pace: Good every time, intervals grow, few reviews in 60 days', () => {
    const { log, card } = simulate(() => ({ correct: true, responseMs: 40_000 }));
    expect(log.every((r) => r.grade === Rating.Good)).toBe(true);
    // First a 10-minute learning step, then days that keep growing.
    expect(log[0]!.dueInDays * 24 * 60).toBeCloseTo(10, 5);
    const days = log.slice(1).map((r) => r.dueInDays);
    for (let i = 1; i < days.length; i++) expect(days[i]!).toBeGreaterThan(days[i - 1]!);
    expect(log.length).toBeLessThanOrEqual(7);
    expect(card.state).toBe(2);
    expect(card.lapses).toBe(0);
    // Exact dates with these parameters (no fuzz): day 0 +10 min, then +2 d, +11 d, ...
    expect(days.slice(0, 2)).toEqual([2, 11]);
  });

  it('fast right answers turn into Easy once the card is well known, and space out faster', () => {
    const fast = simulate(() => ({ correct: true, responseMs: 5_000 }));
    const normal = simulate(() => ({ correct: true, responseMs: 40_000 }));
    expect(fast.log.some((r) => r.grade === Rating.Easy)).toBe(true);
    expect(fast.log.slice(0, 3).every((r) => r.grade === Rating.Good)).toBe(true);
    expect(fast.log.length).toBeLessThanOrEqual(normal.log.length);
    // Where the first Easy happened, Easy schedules further out than Good would have.
    const firstEasy = fast.log.findIndex((r) => r.grade === Rating.Easy);
    const goodThere = normal.log[firstEasy]!;
    expect(fast.log[firstEasy]!.day).toBe(goodThere.day);
    expect(fast.log[firstEasy]!.dueInDays).toBeGreaterThan(goodThere.dueInDays);
  });

  it('a miss (Again) brings the item back within minutes and counts a lapse; slow answers shorten intervals', () => {
    const lapse = simulate((n) => ({ correct: n !== 3, responseMs: 40_000 }));
    const miss = lapse.log[3]!;
    expect(miss.grade).toBe(Rating.Again);
    expect(miss.dueInDays * 24 * 60).toBeLessThanOrEqual(10);
    expect(lapse.card.lapses).toBe(1);
    const slow = simulate(() => ({ correct: true, responseMs: SLOW_MS + 1 }));
    const normal = simulate(() => ({ correct: true, responseMs: 40_000 }));
    expect(slow.log.slice(1).every((r) => r.grade === Rating.Hard)).toBe(true);
    expect(slow.log.length).toBeGreaterThan(normal.log.length);
  });

  it('retrievability falls with time since the last review and is 0 for a card never seen', () => {
    const card = review(review(null, Rating.Good, start), Rating.Good, start + 600_000);
    expect(retrievability(null, start)).toBe(0);
    const soon = retrievability(card, card.lastReview + DAY);
    const atDue = retrievability(card, card.due);
    const late = retrievability(card, card.due + 30 * DAY);
    expect(soon).toBeGreaterThan(atDue);
    expect(atDue).toBeCloseTo(0.9, 1);
    expect(late).toBeLessThan(atDue);
  });
});
