import type { Erratum } from './data';
import { NotesError } from './errors';

export interface ErrataResult {
  /** The notes with every erratum applied; same number of lines as the original. */
  markdown: string;
  applied: Erratum[];
  /** False when the errata were written for other notes (most of their texts are not in these). */
  applies: boolean;
}

/** Errata written for a version of these notes find most of their texts; other notes find few. */
const SAME_NOTES_SHARE = 0.5;

/**
 * Apply the curated errata to the raw notes before parsing, so a false statement never reaches a fact.
 * Replacements are single-line, so line numbers still point at the original notes. Errata belong to
 * the notes they were written for, recognised by content (not by path): notes that hold fewer than half
 * of their texts are other notes, and get none. For their own notes an erratum that matches nothing fails
 * the build: it would otherwise silently stop protecting the deck.
 */
export function applyErrata(markdown: string, errata: readonly Erratum[], file: string): ErrataResult {
  const found = errata.filter((erratum) => markdown.includes(erratum.match)).length;
  if (errata.length > 0 && found / errata.length < SAME_NOTES_SHARE)
    return { markdown, applied: [], applies: false };
  let out = markdown;
  for (const erratum of errata) {
    if (!out.includes(erratum.match)) {
      throw new NotesError(file, undefined, `erratum "${erratum.id}" matches nothing in the notes`);
    }
    const replacement = erratum.action === 'drop' ? dropped(erratum.match) : (erratum.replacement ?? '');
    out = out.split(erratum.match).join(replacement);
  }
  return { markdown: out, applied: [...errata], applies: true };
}

/** What a dropped text leaves behind: nothing, or for a table row an empty row (so the table stays one table). */
function dropped(match: string): string {
  const trimmed = match.trim();
  if (!trimmed.startsWith('|')) return '';
  const cells = (trimmed.match(/\|/g)?.length ?? 2) - 1;
  return `|${' |'.repeat(cells)}`;
}
