/** Text helpers shared by extraction, templates and lint. */

const STOPWORDS = new Set(
  (
    'a o as os um uma uns umas de do da dos das em no na nos nas por para com sem que e ou se como mais menos ' +
    'ao aos à às é são ser foi sua seu suas seus ele ela eles elas isso esse essa este esta entre sobre ' +
    'qual quais quando onde muito pode podem tem também ex the and of for to in on with um'
  ).split(' '),
);

/** Lowercase, strip accents and punctuation: the form used for comparisons. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words that carry meaning (no stopwords, at least 3 characters). */
export function significantWords(text: string): string[] {
  return normalize(text)
    .split(' ')
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w));
}

export function tokenOverlap(a: string, b: string): number {
  const wa = new Set(significantWords(a));
  const wb = new Set(significantWords(b));
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size);
}

/** Collapse whitespace and markdown leftovers. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first sentence, when it is long enough to stand on its own; else the whole text. */
export function firstSentence(text: string, min = 40): string {
  const match = /^(.+?[.;!?])(\s|$)/.exec(text);
  const first = match?.[1];
  return first !== undefined && first.length >= min ? first : text;
}

/** Cut at a word boundary with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—-]+$/, '')}…`;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replace every occurrence of the given names (case-insensitive, whole words) with a placeholder. */
export function redact(text: string, names: string[], placeholder = '___'): string {
  let out = text;
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    if (name.trim().length < 2) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(re, placeholder);
  }
  return out.replace(/(___\s*)+___/g, '___');
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
