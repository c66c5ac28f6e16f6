import { significantWords } from './text';

/**
 * Wording rules shared by the deck lint and the item checks. A question talks about AWS, never about the
 * notes it came from: "as notas", "o material", the study-sheet tables, heading paths ("Segurança › …").
 */
export const ABOUT_THE_NOTES =
  /\b(n?as notas|das notas|nestas notas|anota[cç][oõ]es|no material|do material|segundo o material|de acordo com o material|folhas? de estudo|na tabela|da tabela|nesta se[cç][aã]o)\b|›/i;

/** A "___" blank: only a real fill-in item may have one, and the bank has none. */
export const BLANK = /_{3,}/;

/** Text cut off by a template ("…" at the end). */
export const CUT_OFF = /(…|\.\.\.)\s*$/;

/** Meaningful words a rationale adds beyond its own option: one that adds none only restates it. */
export function addedWords(rationale: string, option: string): number {
  const own = new Set(significantWords(option));
  return new Set(significantWords(rationale).filter((w) => !own.has(w))).size;
}
