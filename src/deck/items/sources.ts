import type { SourceQuote } from '../types';

/** Markdown emphasis and code marks are left out of quotes; spacing is normalised. */
export function quoteForm(text: string): string {
  return text.replace(/[*`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

export interface NotesIndex {
  lines: string[];
  /** Line (1-based) → heading path of the section it is in ("Conceitos > Embeddings"). */
  headingAt(line: number): string;
  /** Where a quote is now: the line nearest to `near` that contains it, or undefined when it is gone. */
  findQuote(quote: string, near: number): number | undefined;
}

export function indexNotes(markdown: string): NotesIndex {
  const lines = markdown.split(/\r?\n/);
  const forms = lines.map(quoteForm);
  const headings: string[] = [];
  const stack: string[] = [];
  for (const line of lines) {
    const m = /^(#{2,6})\s+(.*)$/.exec(line);
    if (m) {
      const depth = (m[1]?.length ?? 2) - 2;
      stack.length = depth;
      stack[depth] = (m[2] ?? '').replace(/[*`]/g, '').trim();
    }
    headings.push(stack.filter(Boolean).join(' > ') || 'Notas');
  }
  return {
    lines,
    headingAt: (line) => headings[line - 1] ?? 'Notas',
    findQuote(quote, near) {
      const wanted = quoteForm(quote);
      if (wanted.length === 0) return undefined;
      // Most quotes have not moved: check their own line before scanning the notes.
      if (forms[near - 1]?.includes(wanted)) return near;
      let best: number | undefined;
      forms.forEach((form, i) => {
        if (!form.includes(wanted)) return;
        if (best === undefined || Math.abs(i + 1 - near) < Math.abs(best - near)) best = i + 1;
      });
      return best;
    },
  };
}

/** Each quote at its current line; a quote no longer in the notes is reported. */
export function resolveQuotes(
  quotes: readonly SourceQuote[],
  notes: NotesIndex,
  report: (message: string) => void,
): SourceQuote[] {
  const resolved: SourceQuote[] = [];
  for (const q of quotes) {
    const line = notes.findQuote(q.quote, q.line);
    if (line === undefined)
      report(`source passage no longer in the notes (was line ${q.line}): "${q.quote}"`);
    else resolved.push({ line, quote: q.quote });
  }
  return resolved;
}
