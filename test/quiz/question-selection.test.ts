import { describe, expect, it } from 'vitest';
import { selectQuestions } from '../../src/quiz/question-selection';
import { seededRandom } from '../../src/deck/random';
import { makeQuestion } from './fixtures';

const pool = Array.from({ length: 10 }, (_, i) =>
  makeQuestion({ id: `q${i}`, topic: i < 6 ? 'Métricas' : 'Bedrock', domain: i % 2 === 0 ? 1 : 2 }),
);
const ids = (r: ReturnType<typeof selectQuestions>) => (r.ok ? r.questions.map((q) => q.id) : []);

describe('selectQuestions', () => {
  it('never repeats a question within a round', () => {
    for (let seed = 0; seed < 20; seed++) {
      const r = selectQuestions({
        pool,
        count: 10,
        filter: {},
        lastPlayedAt: new Map(),
        random: seededRandom(`${seed}`),
      });
      expect(new Set(ids(r)).size).toBe(10);
    }
  });

  it('ignores duplicate entries in the pool', () => {
    const r = selectQuestions({
      pool: [...pool, ...pool],
      count: 11,
      filter: {},
      lastPlayedAt: new Map(),
      random: Math.random,
    });
    expect(r).toEqual({ ok: false, reason: 'too-few', available: 10 });
  });

  it('serves questions the server never played before any repeat, then the oldest played', () => {
    const lastPlayedAt = new Map([
      ['q0', 300],
      ['q1', 100],
      ['q2', 200],
      ['q3', 400],
      ['q4', 500],
      ['q5', 600],
      ['q6', 700],
    ]);
    for (let seed = 0; seed < 20; seed++) {
      const r = selectQuestions({
        pool,
        count: 5,
        filter: {},
        lastPlayedAt,
        random: seededRandom(`s${seed}`),
      });
      expect(ids(r).sort()).toEqual(['q1', 'q2', 'q7', 'q8', 'q9']);
    }
  });

  it('applies topic and domain filters together', () => {
    const r = selectQuestions({
      pool,
      count: 3,
      filter: { topic: 'Métricas', domain: 1 },
      lastPlayedAt: new Map(),
      random: Math.random,
    });
    expect(ids(r).sort()).toEqual(['q0', 'q2', 'q4']);
  });

  it('says how many match when the filter leaves too few', () => {
    expect(
      selectQuestions({
        pool,
        count: 5,
        filter: { topic: 'Bedrock' },
        lastPlayedAt: new Map(),
        random: Math.random,
      }),
    ).toEqual({ ok: false, reason: 'too-few', available: 4 });
    expect(
      selectQuestions({
        pool,
        count: 1,
        filter: { topic: 'Nada' },
        lastPlayedAt: new Map(),
        random: Math.random,
      }),
    ).toEqual({ ok: false, reason: 'too-few', available: 0 });
  });
});

describe('selectQuestions without a filter', () => {
  // A pool shaped like the notes: far more fundamentals (domain 1) than anything else.
  const skewed = [1, 2, 3, 4, 5].flatMap((domain) =>
    Array.from({ length: domain === 1 ? 400 : 60 }, (_, i) =>
      makeQuestion({ id: `d${domain}-${i}`, domain: domain as 1 | 2 | 3 | 4 | 5 }),
    ),
  );

  it('draws domains by their exam weight, not by how much the notes say about them', () => {
    const counts = new Map<number, number>();
    for (let seed = 0; seed < 200; seed++) {
      const r = selectQuestions({
        pool: skewed,
        count: 10,
        filter: {},
        lastPlayedAt: new Map(),
        random: seededRandom(`w${seed}`),
      });
      for (const q of r.ok ? r.questions : []) counts.set(q.domain, (counts.get(q.domain) ?? 0) + 1);
    }
    const share = (d: number) => (counts.get(d) ?? 0) / 2000;
    // Exam weights 20/24/28/14/14 %; the pool alone would give domain 1 almost 60 %.
    expect(share(1)).toBeGreaterThan(0.15);
    expect(share(1)).toBeLessThan(0.26);
    expect(share(3)).toBeGreaterThan(0.22);
    expect(share(4)).toBeGreaterThan(0.09);
  });

  it('still serves every fresh question before a repeat when a domain runs out of fresh ones', () => {
    const lastPlayedAt = new Map(skewed.filter((q) => q.domain !== 1).map((q, i) => [q.id, i]));
    const r = selectQuestions({
      pool: skewed,
      count: 25,
      filter: {},
      lastPlayedAt,
      random: seededRandom('fresh'),
    });
    expect(r.ok && r.questions.every((q) => q.domain === 1)).toBe(true);
  });
});
