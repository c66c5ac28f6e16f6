import type { Question } from '../deck/types';

/**
 * One place for what a member's answer is, wherever a question is played (group rounds, the question of
 * the day, "test me"): option letters, reading a choice from a component, describing and storing it.
 */

export const optionLetter = (index: number) => String.fromCharCode(65 + index);

/** What a component delivered: one button, a select's values, or a whole answer built in the panel. */
export type ChoiceInput = { button: number } | { values: readonly string[] } | { full: readonly number[] };

const isPermutation = (seq: readonly number[], n: number) =>
  seq.length === n && new Set(seq).size === n && seq.every((i) => Number.isInteger(i) && i >= 0 && i < n);

/**
 * The chosen option indexes an input stands for, or null when it does not fit the question:
 * single/true-false → one button; multi → exactly as many distinct values as answers; order → a
 * permutation of the options (from the panel); match → one option index per prompt (from the panel).
 * `legacyOrder` maps a button of an old "pick the sequence" message to its sequence.
 */
export function choiceFromInput(
  question: Question,
  input: ChoiceInput,
  legacyOrder?: (button: number) => number[] | undefined,
): number[] | null {
  const n = question.options.length;
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < n;
  switch (question.type) {
    case 'multi': {
      if (!('values' in input)) return null;
      const picked = [...new Set(input.values.map(Number))].sort((a, b) => a - b);
      return picked.length === question.answers.length && picked.every(inRange) ? picked : null;
    }
    case 'order':
      if ('full' in input) return isPermutation(input.full, n) ? [...input.full] : null;
      if ('button' in input && legacyOrder) return legacyOrder(input.button) ?? null;
      return null;
    case 'match': {
      if (!('full' in input)) return null;
      const prompts = question.prompts?.length ?? 0;
      return input.full.length === prompts && input.full.every(inRange) ? [...input.full] : null;
    }
    default:
      return 'button' in input && inRange(input.button) ? [input.button] : null;
  }
}

/** "B", "A + C", "B → D → A → C" or "1→B · 2→A · 3→C": how a choice is shown back to the member. */
export function describeChoice(question: Pick<Question, 'type'>, choice: readonly number[]): string {
  const letters = choice.map(optionLetter);
  if (question.type === 'order') return letters.join(' → ');
  if (question.type === 'multi') return letters.join(' + ');
  if (question.type === 'match') return letters.map((l, i) => `${i + 1}→${l}`).join(' · ');
  return letters.join('');
}

/** A choice as stored in SQLite ('2,0,1'), and back. */
export const storeChoice = (choice: readonly number[]) => choice.join(',');
export function parseStoredChoice(text: string): number[] {
  return text === '' ? [] : text.split(',').map(Number);
}

/** Whether a question is answered in the private panel (ordering, matching) rather than by one click. */
export const answeredInPanel = (question: Pick<Question, 'type'>) =>
  question.type === 'order' || question.type === 'match';
