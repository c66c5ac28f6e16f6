import { significantWords } from './text';

/**
 * Words of the right answer(s) that the stem repeats and no wrong option shares: a reader could match
 * them without knowing anything. Words under 4 letters are ignored (acronyms are caught by the stem redaction).
 */
export function leakedWords(stem: string, options: readonly string[], answers: readonly number[]): string[] {
  const stemWords = new Set(significantWords(stem));
  const wrongWords = new Set(
    options.filter((_, i) => !answers.includes(i)).flatMap((o) => significantWords(o)),
  );
  const leaked = answers.flatMap((a) =>
    significantWords(options[a] ?? '').filter((w) => w.length >= 4 && stemWords.has(w) && !wrongWords.has(w)),
  );
  return [...new Set(leaked)];
}
