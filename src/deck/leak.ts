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

/**
 * The right answer stands out by its form alone: far longer or shorter than every wrong option, or the
 * only option with (or without) a hidden name "___".
 */
export function shapeGiveaway(options: readonly string[], answers: readonly number[]): string | undefined {
  if (options.length - answers.length < 2) return undefined;
  const right = answers.map((a) => options[a] ?? '');
  const wrong = options.filter((_, i) => !answers.includes(i));
  const longest = Math.max(...wrong.map((o) => o.length));
  const shortest = Math.min(...wrong.map((o) => o.length));
  if (right.every((r) => r.length > 1.8 * longest + 10))
    return 'the answer is much longer than every other option';
  if (right.every((r) => 1.8 * r.length + 10 < shortest))
    return 'the answer is much shorter than every other option';
  const hidden = (o: string) => o.includes('___');
  if (right.every(hidden) && !wrong.some(hidden)) return 'only the answer hides a name';
  if (!right.some(hidden) && wrong.every(hidden)) return 'only the answer does not hide a name';
  return undefined;
}
