import type { ItemContext } from './item-context';
import { loadItems, type ItemFile, type ItemFinding } from './load';
import type { Question } from '../types';

export interface Bank {
  /** false: the bank was written for other notes, so only the drill tier is built from these. */
  applies: boolean;
  questions: Question[];
  findings: ItemFinding[];
  /** How many of the bank's note quotes these notes contain. */
  quotesFound: number;
  quotesTotal: number;
}

/**
 * The bank belongs to the notes its quotes come from, recognised by content rather than by path: when
 * most quotes are found, every missing one is a defect naming its item (the notes changed under it);
 * when hardly any is, these are other notes, and the bank stays out.
 */
export function bankForNotes(files: readonly ItemFile[], context: ItemContext): Bank {
  const loaded = loadItems(files, context);
  const withQuotes = loaded.questions.filter((q) => !q.beyond);
  const moved = loaded.findings.filter((f) => f.message.startsWith('source passage no longer'));
  const quotesTotal = withQuotes.reduce((n, q) => n + q.sources.length, 0) + moved.length;
  const quotesFound = quotesTotal - moved.length;
  const applies = quotesTotal === 0 || quotesFound / quotesTotal >= 0.5;
  if (!applies) return { applies, questions: [], findings: [], quotesFound, quotesTotal };
  return { applies, questions: loaded.questions, findings: loaded.findings, quotesFound, quotesTotal };
}
