import type { Question } from '../deck/types';
import { seededRandom, shuffled } from '../deck/random';

export const ORDER_CANDIDATE_COUNT = 4;

export interface OrderCandidates {
  /** Each candidate is a sequence of option indexes; exactly one equals the question's answer. */
  sequences: number[][];
  correctIndex: number;
}

const sameSequence = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The sequences offered as buttons for an ordering question. Derived from the question id alone, so a
 * click on an old message and a restarted bot read the same candidates. Wrong candidates are nearby
 * permutations first (one adjacent swap: the mistakes people really make), then random ones.
 */
export function orderCandidates(question: Pick<Question, 'id' | 'answers'>): OrderCandidates {
  const correct = [...question.answers];
  const random = seededRandom(`order:${question.id}`);
  const target = Math.min(ORDER_CANDIDATE_COUNT, factorial(correct.length));
  const sequences: number[][] = [correct];
  const tryAdd = (candidate: number[]) => {
    if (sequences.length < target && !sequences.some((s) => sameSequence(s, candidate)))
      sequences.push(candidate);
  };

  const swaps = shuffled(
    correct.slice(1).map((_, i) => i),
    random,
  );
  for (const i of swaps.slice(0, 2)) {
    const swapped = [...correct];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
    tryAdd(swapped);
  }
  // Enough attempts to fill 4 distinct candidates from any sequence of 3 or more items.
  for (let attempt = 0; sequences.length < target && attempt < 200; attempt++) {
    tryAdd(shuffled(correct, random));
  }

  const order = shuffled(
    sequences.map((_, i) => i),
    random,
  );
  const finalSequences = order.map((i) => sequences[i]!);
  return { sequences: finalSequences, correctIndex: order.indexOf(0) };
}

function factorial(n: number): number {
  let result = 1;
  for (let i = 2; i <= n; i++) result *= i;
  return result;
}
