/**
 * Round scoring, Kahoot-style: speed-weighted points for a correct answer plus a streak bonus,
 * and the podium order at the end of a round. Pure; times are milliseconds.
 */
import type { QuestionType } from '../deck/types';

export const MAX_BASE_POINTS = 1000;
export const STREAK_BONUS_STEP = 100;
export const MAX_STREAK_BONUS = 500;

/**
 * Points for a correct answer given `responseMs` after the question opened, with `limitMs` to answer:
 * round(1000 × (1 − (t / T) / 2)), with t clamped to [0, T]. So 1000 for an instant answer, 500 at
 * the deadline, never less (a late click that still counts) nor more (a clock that ran backwards).
 */
export function pointsForCorrect(responseMs: number, limitMs: number): number {
  if (!Number.isFinite(limitMs) || limitMs <= 0) throw new RangeError(`Not a time limit: ${limitMs}`);
  if (Number.isNaN(responseMs)) throw new RangeError('Response time is NaN');
  const t = Math.min(Math.max(responseMs, 0), limitMs);
  return Math.round(MAX_BASE_POINTS - (MAX_BASE_POINTS / 2) * (t / limitMs));
}

/**
 * The bonus for a correct answer that follows `consecutiveCorrectBefore` correct answers in a row in
 * this round: the n-th consecutive correct answer (n ≥ 1) earns min(100 × (n − 1), 500). So the first
 * earns 0, the second 100, ..., the sixth and later 500.
 */
export function streakBonus(consecutiveCorrectBefore: number): number {
  if (!Number.isInteger(consecutiveCorrectBefore) || consecutiveCorrectBefore < 0) {
    throw new RangeError(`Not a streak length: ${consecutiveCorrectBefore}`);
  }
  return Math.min(STREAK_BONUS_STEP * consecutiveCorrectBefore, MAX_STREAK_BONUS);
}

export interface AnswerToScore {
  correct: boolean;
  /** Time from the question opening to the click; ignored when the answer is wrong or missing. */
  responseMs?: number;
  limitMs: number;
  /** Consecutive correct answers by this member right before this question, in this round. */
  streakBefore: number;
}

export interface AnswerScore {
  /** base + bonus. */
  points: number;
  base: number;
  bonus: number;
  /** The streak to carry into the member's next question. */
  streakAfter: number;
}

/** Scores one member's answer to one question. A wrong or missing answer scores 0 and ends the streak. */
export function scoreAnswer({ correct, responseMs, limitMs, streakBefore }: AnswerToScore): AnswerScore {
  const bonus = streakBonus(streakBefore);
  if (!correct) return { points: 0, base: 0, bonus: 0, streakAfter: 0 };
  if (responseMs === undefined) throw new RangeError('A correct answer needs its response time');
  const base = pointsForCorrect(responseMs, limitMs);
  return { points: base + bonus, base, bonus, streakAfter: streakBefore + 1 };
}

/**
 * Whether the chosen option indexes answer the question:
 * - single / truefalse: exactly the one right index;
 * - multi ("choose TWO"): all or nothing, the same set of indexes, each chosen once;
 * - order: the same indexes in the same sequence;
 * - match: one option index per prompt, every pair right (no partial credit, as on the exam).
 */
export function isCorrectChoice(
  chosen: readonly number[],
  answers: readonly number[],
  type: QuestionType,
): boolean {
  switch (type) {
    case 'single':
    case 'truefalse':
      return chosen.length === 1 && answers.length === 1 && chosen[0] === answers[0];
    case 'multi': {
      const chosenSet = new Set(chosen);
      return (
        chosenSet.size === chosen.length &&
        chosenSet.size === new Set(answers).size &&
        answers.every((answer) => chosenSet.has(answer))
      );
    }
    case 'order':
    case 'match':
      // order: the same indexes in the same sequence; match: prompt i answered by option answers[i].
      return (
        chosen.length === answers.length && chosen.every((index, position) => index === answers[position])
      );
  }
}

export interface PodiumEntry {
  userId: string;
  points: number;
  /** Correct answers in the round. */
  correct: number;
  /** When the member's last correct answer came in; absent when they had none. */
  lastCorrectAtMs?: number;
}

export type RankedEntry<T extends PodiumEntry> = T & { rank: number };

/** Discord ids are numeric strings of varying length: shorter means smaller, then digit by digit. */
function compareUserIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders by results only (userId excluded): 0 means an exact tie that shares a rank. */
function compareResults(a: PodiumEntry, b: PodiumEntry): number {
  return (
    b.points - a.points ||
    b.correct - a.correct ||
    (a.lastCorrectAtMs ?? Number.POSITIVE_INFINITY) - (b.lastCorrectAtMs ?? Number.POSITIVE_INFINITY) ||
    0
  );
}

/**
 * The podium: more points first; ties broken by more correct answers, then the earlier last correct
 * answer (reaching the score first), then user id, so the order never depends on input order.
 * Ranks are competition ranks ("1, 1, 3"): entries tied on points, correct answers and last-correct
 * time share a rank; the user-id tie-break only fixes the display order. The input is not changed.
 */
export function rankPodium<T extends PodiumEntry>(entries: readonly T[]): RankedEntry<T>[] {
  const sorted = [...entries].sort((a, b) => compareResults(a, b) || compareUserIds(a.userId, b.userId));
  const ranked: RankedEntry<T>[] = [];
  sorted.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const rank = previous !== undefined && compareResults(previous, entry) === 0 ? previous.rank : index + 1;
    ranked.push({ ...entry, rank });
  });
  return ranked;
}
