import type { Question } from '../deck/types';

// Temporary until src/quiz/scoring.ts lands from the `time` branch; then these delegate to it.

export function isCorrectChoice(
  question: Pick<Question, 'type' | 'answers'>,
  choice: readonly number[],
): boolean {
  if (question.type === 'multi') {
    const want = [...question.answers].sort((a, b) => a - b);
    const got = [...choice].sort((a, b) => a - b);
    return want.length === got.length && want.every((v, i) => v === got[i]);
  }
  return question.answers.length === choice.length && question.answers.every((v, i) => v === choice[i]);
}

/**
 * Points for one answer: correct = round(1000 × (1 − t/T ÷ 2)) plus the streak bonus (the n-th
 * consecutive correct answer earns min(100 × (n − 1), 500)); wrong = 0.
 */
export function answerPoints(params: {
  correct: boolean;
  responseMs: number;
  secondsPerQuestion: number;
  correctBefore: number;
}): number {
  if (!params.correct) return 0;
  const limitMs = params.secondsPerQuestion * 1000;
  const t = Math.min(Math.max(params.responseMs, 0), limitMs);
  const base = Math.round(1000 * (1 - t / limitMs / 2));
  return base + Math.min(100 * params.correctBefore, 500);
}
