import type { Question } from '../deck/types';
import { choiceFromInput, type ChoiceInput } from '../answers/choice';
import { orderCandidates } from './order-candidates';

export const QUESTIONS_MIN = 1;
export const QUESTIONS_MAX = 25;
export const QUESTIONS_DEFAULT = 5;
export const SECONDS_MIN = 10;
export const SECONDS_MAX = 60;
export const SECONDS_DEFAULT = 20;

export { optionLetter, describeChoice, parseStoredChoice } from '../answers/choice';

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
 * The chosen option indexes a click stands for (see `choiceFromInput`); a button of an old ordering
 * message ("pick the sequence") still maps to its candidate sequence.
 */
export function choiceFromComponent(question: Question, input: ChoiceInput): number[] | null {
  return choiceFromInput(question, input, (button) => orderCandidates(question).sequences[button]);
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
