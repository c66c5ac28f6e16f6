/** Text helpers shared by extraction, templates and lint. */

const STOPWORDS = new Set(
  (
    'a o as os um uma uns umas de do da dos das em no na nos nas por para com sem que e ou se como mais menos ' +
    'ao aos à às é são ser foi sua seu suas seus ele ela eles elas isso esse essa este esta entre sobre ' +
    'qual quais quando onde muito pode podem tem também ex the and of for to in on with um'
  ).split(' '),
);

const normalized = new Map<string, string>();

/** Lowercase, strip accents and punctuation: the form used for comparisons (memoized: hot in lint). */
export function normalize(text: string): string {
  if (text.length > 400) return computeNormal(text);
  let out = normalized.get(text);
  if (out === undefined) {
    if (normalized.size > 50_000) normalized.clear();
    out = computeNormal(text);
    normalized.set(text, out);
  }
  return out;
}

function computeNormal(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const wordsCache = new Map<string, string[]>();

/** Words that carry meaning (no stopwords, at least 3 characters). Memoized; do not mutate the result. */
export function significantWords(text: string): readonly string[] {
  let words = wordsCache.get(text);
  if (words === undefined) {
    if (wordsCache.size > 50_000) wordsCache.clear();
    words = normalize(text)
      .split(' ')
      .filter((w) => w.length >= 3 && !STOPWORDS.has(w));
    wordsCache.set(text, words);
  }
  return words;
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
  // A boundary inside a parenthesis ("(antigo X; hoje Y)") does not end the sentence.
  const open = (t: string) => (t.match(/\(/g)?.length ?? 0) > (t.match(/\)/g)?.length ?? 0);
  for (const match of text.matchAll(/[.;!?](?=\s|$)/g)) {
    const first = text.slice(0, match.index + 1);
    if (first.length >= min && !open(first)) return first.replace(/;$/, '.');
  }
  return text;
}

/** Cut at the last whole sentence that fits; failing that, at a word boundary with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const sentences = text.slice(0, max).match(/^.*[.!?](?=\s)/s)?.[0];
  // A cut inside a parenthesis would leave it open ("(fechado a novos clientes"): never end there.
  const balanced = (t: string) => (t.match(/\(/g)?.length ?? 0) === (t.match(/\)/g)?.length ?? 0);
  if (sentences && sentences.length > max / 2 && balanced(sentences)) return sentences;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—-]+$/, '')}…`;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replace every occurrence of the given names (case-insensitive, whole words) with a placeholder. */
export function redact(text: string, names: string[], placeholder = '___'): string {
  // Cheap containment test first: most texts mention none of the names.
  const lower = text.toLowerCase();
  const usable = [...new Set(names)].filter((n) => n.trim().length >= 2 && lower.includes(n.toLowerCase()));
  if (usable.length === 0) return text;
  const key = usable.join('\u0000');
  let re = redactors.get(key);
  if (!re) {
    const sorted = usable.sort((a, b) => b.length - a.length).map(escapeRegExp);
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    redactors.set(key, re);
  }
  return text.replace(re, placeholder).replace(/(___\s*)+___/g, '___');
}

const redactors = new Map<string, RegExp>();

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
