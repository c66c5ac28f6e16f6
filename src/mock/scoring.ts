import { parseStoredChoice } from '../answers/choice';
import type { ExamDomain, Question } from '../deck/types';
import { isCorrectChoice } from '../quiz/scoring';

export const SCALED_MIN = 100;
export const SCALED_MAX = 1000;
export const PASS_MARK = 700;

/**
 * An ESTIMATE of the exam's scaled score: AWS does not publish how raw answers map onto 100–1000 (it
 * equates forms and 15 of the 65 items are unscored), so this is a straight line from the share right:
 * 100 + 900 × correct / total, rounded. 0 right → 100, all right → 1000, and 700 (the pass mark) needs
 * two thirds right (44 of 65 gives 709; 43 gives 695).
 */
export function scaledScore(correct: number, total: number): number {
  if (total <= 0) return SCALED_MIN;
  const share = Math.min(1, Math.max(0, correct / total));
  return Math.round(SCALED_MIN + (SCALED_MAX - SCALED_MIN) * share);
}

export const passes = (scaled: number) => scaled >= PASS_MARK;

export interface MockItemAnswer {
  position: number;
  questionId: string;
  choice: string | null;
}

export interface MockResult {
  correct: number;
  total: number;
  answered: number;
  scaled: number;
  passed: boolean;
  /** Per exam domain, 1–5 in order: right, items, and the domain's own scaled estimate. */
  byDomain: { domain: ExamDomain; correct: number; total: number; scaled: number }[];
  /** Wrong or unanswered items, in exam order. */
  misses: { position: number; question: Question; choice: number[] | null }[];
}

/** Scores a whole mock: unanswered items count as wrong, as on the exam; all or nothing per item. */
export function scoreMock(
  items: readonly MockItemAnswer[],
  questionById: ReadonlyMap<string, Question>,
): MockResult {
  const byDomain = ([1, 2, 3, 4, 5] as ExamDomain[]).map((domain) => ({
    domain,
    correct: 0,
    total: 0,
    scaled: 0,
  }));
  const misses: MockResult['misses'] = [];
  let correct = 0;
  let answered = 0;
  for (const item of items) {
    const question = questionById.get(item.questionId);
    if (!question) continue;
    const choice = item.choice === null ? null : parseStoredChoice(item.choice);
    const right = choice !== null && isCorrectChoice(choice, question.answers, question.type);
    const tally = byDomain[question.domain - 1]!;
    tally.total += 1;
    if (choice !== null) answered += 1;
    if (right) {
      correct += 1;
      tally.correct += 1;
    } else misses.push({ position: item.position, question, choice });
  }
  for (const d of byDomain) d.scaled = scaledScore(d.correct, d.total);
  const total = byDomain.reduce((a, d) => a + d.total, 0);
  const scaled = scaledScore(correct, total);
  return { correct, total, answered, scaled, passed: passes(scaled), byDomain, misses };
}
