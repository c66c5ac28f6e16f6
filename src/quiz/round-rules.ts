import type { Question } from '../deck/types';
import { orderCandidates } from './order-candidates';

export const QUESTIONS_MIN = 1;
export const QUESTIONS_MAX = 25;
export const QUESTIONS_DEFAULT = 5;
export const SECONDS_MIN = 10;
export const SECONDS_MAX = 60;
export const SECONDS_DEFAULT = 20;

export const optionLetter = (index: number) => String.fromCharCode(65 + index);

/** Milliseconds from the question's opening to the answer, clamped to [0, T]. */
export function responseTimeMs(openedAt: number, answeredAt: number, secondsPerQuestion: number): number {
  return Math.min(Math.max(answeredAt - openedAt, 0), secondsPerQuestion * 1000);
}

/**
 * How many questions in a row, ending right before `position`, the member got right in this round. A
 * wrong or missing answer breaks the run.
 */
export function consecutiveCorrectBefore(
  position: number,
  correctByPosition: ReadonlyMap<number, boolean>,
): number {
  let run = 0;
  for (let p = position - 1; p >= 0 && correctByPosition.get(p) === true; p--) run += 1;
  return run;
}

/** The starter or a moderator (Manage Messages) may stop a round. */
export function canStopRound(starterId: string, userId: string, canManageMessages: boolean): boolean {
  return starterId === userId || canManageMessages;
}

/**
 * The chosen option indexes a click stands for: a button's option (single/true-false), the sequence of an
 * ordering candidate, or the two values of the "choose TWO" menu. Null when the click does not fit the
 * question (an id from another question type, a tampered value).
 */
export function choiceFromComponent(
  question: Question,
  input: { button: number } | { values: readonly string[] },
): number[] | null {
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < question.options.length;
  if (question.type === 'multi') {
    if (!('values' in input)) return null;
    const picked = [...new Set(input.values.map(Number))].sort((a, b) => a - b);
    return picked.length === question.answers.length && picked.every(inRange) ? picked : null;
  }
  if (!('button' in input)) return null;
  if (question.type === 'order') return orderCandidates(question).sequences[input.button] ?? null;
  return inRange(input.button) ? [input.button] : null;
}

/** "B", "A + C" or "B → D → A → C": how a choice is shown back to the member. */
export function describeChoice(question: Pick<Question, 'type'>, choice: readonly number[]): string {
  const letters = choice.map(optionLetter);
  if (question.type === 'order') return letters.join(' → ');
  if (question.type === 'multi') return letters.join(' + ');
  return letters.join('');
}

/** A stored choice ('2,0,1') back to indexes. */
export function parseStoredChoice(text: string): number[] {
  return text === '' ? [] : text.split(',').map(Number);
}

export interface RoundQuestionState {
  position: number;
  messageId: string | null;
  openedAt: number | null;
  deadlineAt: number | null;
  revealedAt: number | null;
}

export type ResumeStep =
  | { kind: 'finish' }
  | { kind: 'open'; position: number }
  | { kind: 'wait'; position: number; deadlineAt: number }
  | { kind: 'reveal'; position: number };

/**
 * What a (re)started bot does with a running round: reveal the current question if its deadline passed
 * (or it is already revealed and only the bookkeeping is missing), wait for the remaining time, open a
 * question that never reached the channel, or finish when every question has been played.
 */
export function resumeStep(
  currentPosition: number,
  questionCount: number,
  questions: readonly RoundQuestionState[],
  now: number,
): ResumeStep {
  if (currentPosition >= questionCount) return { kind: 'finish' };
  const current = questions.find((q) => q.position === currentPosition);
  if (!current || current.messageId === null || current.openedAt === null || current.deadlineAt === null)
    return { kind: 'open', position: currentPosition };
  if (current.revealedAt !== null || current.deadlineAt <= now)
    return { kind: 'reveal', position: currentPosition };
  return { kind: 'wait', position: currentPosition, deadlineAt: current.deadlineAt };
}
