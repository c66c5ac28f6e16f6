import { describe, expect, it } from 'vitest';
import { orderCandidates } from '../../src/quiz/order-candidates';
import { makeQuestion, orderQ } from './fixtures';

const key = (s: number[]) => s.join(',');

describe('orderCandidates', () => {
  it('offers 4 distinct permutations with exactly one equal to the answer', () => {
    for (let n = 0; n < 50; n++) {
      const q = makeQuestion({
        id: `order-${n}`,
        type: 'order',
        options: ['a', 'b', 'c', 'd'],
        answers: [2, 0, 3, 1],
      });
      const { sequences, correctIndex } = orderCandidates(q);
      expect(sequences).toHaveLength(4);
      expect(new Set(sequences.map(key)).size).toBe(4);
      expect(sequences.filter((s) => key(s) === key(q.answers))).toHaveLength(1);
      expect(sequences[correctIndex]).toEqual(q.answers);
      for (const s of sequences) expect([...s].sort()).toEqual([0, 1, 2, 3]);
    }
  });

  it('is deterministic from the question id', () => {
    expect(orderCandidates(orderQ)).toEqual(orderCandidates({ ...orderQ }));
    const positions = new Set(
      Array.from(
        { length: 40 },
        (_, n) => orderCandidates({ id: `o${n}`, answers: [0, 1, 2, 3] }).correctIndex,
      ),
    );
    // The right answer is not always the same button.
    expect(positions.size).toBeGreaterThan(1);
  });

  it('works with 3 items (6 permutations) and degrades to 2 for 2 items', () => {
    const three = orderCandidates({ id: 'three', answers: [2, 1, 0] });
    expect(new Set(three.sequences.map(key)).size).toBe(4);
    const two = orderCandidates({ id: 'two', answers: [1, 0] });
    expect(two.sequences.map(key).sort()).toEqual(['0,1', '1,0']);
    expect(two.sequences[two.correctIndex]).toEqual([1, 0]);
  });
});
