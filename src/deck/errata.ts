import type { Erratum } from './data';
import { NotesError } from './errors';

export interface ErrataResult {
  /** The notes with every erratum applied; same number of lines as the original. */
  markdown: string;
  applied: Erratum[];
}

/**
 * Apply the curated errata to the raw notes before parsing, so a false statement never reaches a fact.
 * Replacements are single-line, so line numbers still point at the original notes. An erratum that
 * matches nothing fails the build: it would otherwise silently stop protecting the deck.
 */
export function applyErrata(markdown: string, errata: readonly Erratum[], file: string): ErrataResult {
  let out = markdown;
  for (const erratum of errata) {
    if (!out.includes(erratum.match)) {
      throw new NotesError(file, undefined, `erratum "${erratum.id}" matches nothing in the notes`);
    }
    const replacement = erratum.action === 'drop' ? dropped(erratum.match) : (erratum.replacement ?? '');
    out = out.split(erratum.match).join(replacement);
  }
  return { markdown: out, applied: [...errata] };
}

/** What a dropped text leaves behind: nothing, or for a table row an empty row (so the table stays one table). */
function dropped(match: string): string {
  const trimmed = match.trim();
  if (!trimmed.startsWith('|')) return '';
  const cells = (trimmed.match(/\|/g)?.length ?? 2) - 1;
  return `|${' |'.repeat(cells)}`;
}
