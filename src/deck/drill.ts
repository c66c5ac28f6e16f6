import type { Draft } from './draft';
import type { NotesIndex } from './items/sources';
import type { ServiceRegistry } from './services';
import type { Question } from './types';
import { BLANK, CUT_OFF } from './wording';

const QUOTE_MAX = 160;

/**
 * Generated families that cannot meet the exam bar, left out of the drill tier: true/false of every
 * template (not an exam format, and its false statements are made by pasting another row's text), "which
 * step do the notes list tool X under" (about the notes), "which TWO statements do the notes make" and
 * "which TWO services do the notes describe so" (about the notes, with blanks), "which TWO are examples of
 * <model family>" (paper and product trivia the exam never asks; a blind review flagged it). The comparison-table
 * family ("which side of the table", true only of a simplified table) is gone from the generator.
 */
const DROPPED_TEMPLATES = new Set(['tool-step', 'multi-statements', 'multi-shared', 'multi-examples']);

/** A fill-in-the-blank question: its stem asks what completes the blanks. */
export function isFillIn(question: { stem: string }): boolean {
  return question.stem.includes('completa as lacunas (___)');
}

export function keepInDrill({ question, meta }: Draft): boolean {
  if (question.type === 'truefalse' || DROPPED_TEMPLATES.has(meta.template)) return false;
  // A "___" left by hiding a name is a template artifact, unless the stem says it is a fill-in-the-blank
  // and the blank stands for the answer; cut-off text is always an artifact.
  const blanksAllowed = isFillIn(question);
  const texts = [question.explanation, ...question.options, ...(question.rationales ?? [])];
  if (!blanksAllowed) texts.push(question.stem);
  return !texts.some((t) => BLANK.test(t)) && ![question.stem, ...texts].some((t) => CUT_OFF.test(t));
}

/** The note line a generated question comes from, as a quote (markdown marks left out). */
function lineQuote(notes: NotesIndex, line: number): string {
  const raw = (notes.lines[line - 1] ?? '').replace(/^\s*([-*]|\d+\.|#+)\s+/, '').replace(/[*`|]/g, ' ');
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.length <= QUOTE_MAX ? text : text.slice(0, text.lastIndexOf(' ', QUOTE_MAX));
}

/** Why each option is right or wrong: the template's own notes, else the position (order) or explanation. */
function rationalesOf(question: Draft['question']): string[] {
  return question.options.map((option, i) => {
    const own = question.rationales?.[i]?.trim();
    if (own) return own;
    if (question.type === 'order') {
      const step = question.answers.indexOf(i);
      return `${option}: ${step + 1}ª de ${question.options.length} nesta sequência.`;
    }
    return question.explanation;
  });
}

/** A generated question filed in the drill tier: its rationales, and its source line as a quote. */
export function toDrillQuestion(draft: Draft, notes: NotesIndex, services: ServiceRegistry): Question {
  const { rationales: _own, ...rest } = draft.question;
  // The quote shows the passage with official service names, like the question itself.
  const quote = services.fixNames(lineQuote(notes, draft.question.source.line));
  return {
    ...rest,
    tier: 'drill',
    objectives: [],
    rationales: rationalesOf(draft.question),
    beyond: false,
    sources: quote ? [{ line: draft.question.source.line, quote }] : [],
    scenario: false,
  };
}
