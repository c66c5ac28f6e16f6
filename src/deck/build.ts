import type { DeckData } from './data';
import { loadDeckData } from './data';
import type { Draft, QuestionMeta } from './draft';
import { applyErrata } from './errata';
import { DeckLintError } from './errors';
import { extractFacts } from './extract';
import type { FactBase } from './facts';
import { generateDrafts } from './generate';
import { sha256 } from './hash';
import { lintDeck } from './lint';
import { OverlapIndex } from './overlaps';
import { ServiceRegistry } from './services';
import { buildServiceCards } from './cards';
import { createTemplateContext } from './templates/context';
import { normalize } from './text';
import type { Deck, Question } from './types';
import { deckSchema } from './types';
import { loadExamGuide } from './guide';
import { readItemFiles, type ItemFile, type ItemFinding } from './items/load';
import { bankForNotes } from './items/bank';
import { keepInDrill, toDrillQuestion } from './drill';
import { indexNotes, type NotesIndex } from './items/sources';

export interface BuildOptions {
  /** Named in error messages, e.g. "data/notes/aif-c01.pt-BR.md". */
  file: string;
  /** Curated data; defaults to the files in data/. */
  data?: DeckData;
  /** Skip the lint (for tools that want to inspect a deck with defects). */
  lint?: boolean;
  /** The exam item bank; defaults to the files in data/items. */
  items?: readonly ItemFile[];
}

export interface BuildResult {
  deck: Deck;
  facts: FactBase;
  meta: Map<string, QuestionMeta>;
  /** Defects of the item bank (the build throws on them unless lint is off). */
  itemFindings: ItemFinding[];
  /** Whether the bank was written for these notes (else only the drill tier is built). */
  bankApplies: boolean;
}

/** Notes → facts → questions → service cards. Pure: the same notes always give the same deck. */
export function buildDeckDetailed(markdown: string, options: BuildOptions): BuildResult {
  const data = options.data ?? loadDeckData();
  const services = new ServiceRegistry(data.services);
  const overlaps = new OverlapIndex(data.overlaps);
  // A service and its own features overlap ("Amazon SageMaker AI" / "Amazon SageMaker Clarify"): the
  // feature's name starts with the parent's name or one of its aliases.
  for (const parent of data.services) {
    const names = [parent.name, ...parent.aliases].filter((n) => n.split(' ').length >= 2);
    for (const child of data.services) {
      if (child !== parent && names.some((n) => child.name.startsWith(`${n} `)))
        overlaps.addUmbrella(parent.name, child.name);
    }
  }
  const errata = applyErrata(markdown, data.errata, options.file);
  const corrected = errata.markdown;
  const facts = extractFacts(corrected, { file: options.file, services, domainRules: data.domainRules });
  const context = createTemplateContext(facts, overlaps, services);
  const drafts = dedupe(generateDrafts(context).filter(keepInDrill));
  // Generated questions quote the corrected notes: they rest on the errata's text, not the false original.
  const notes = indexNotes(corrected);
  const bank = bankForNotes(options.items ?? readItemFiles(), {
    notes: markdown,
    corrected,
    guide: loadExamGuide(),
    services,
  });
  const questions = [...bank.questions, ...drafts.map((d) => toDrillQuestion(d, notes, services))];
  const meta = new Map(drafts.map((d) => [d.question.id, d.meta]));
  const deck = deckSchema.parse({
    notesSha256: sha256(markdown),
    questions,
    services: buildServiceCards({ facts, questions, services, overlaps }),
    report: {
      errataApplied: errata.applied.length,
      errataTotal: data.errata.length,
      bankApplies: bank.applies,
      sectionsWithoutQuestions: sectionsWithoutQuestions(notes, questions),
    },
  });
  if (options.lint !== false) {
    const findings = lintDeck(deck, {
      meta,
      overlaps,
      errata: errata.applied,
      services,
      sequences: facts.sequences,
    });
    for (const f of bank.findings) {
      findings.push({
        rule: 'item',
        questionId: f.id,
        message: `${f.file}${f.line ? `:${f.line}` : ''}: ${f.message}`,
      });
    }
    if (findings.length > 0) throw new DeckLintError(findings);
  }
  return { deck, facts, meta, itemFindings: bank.findings, bankApplies: bank.applies };
}

export function buildDeck(markdown: string, options: BuildOptions): Deck {
  return buildDeckDetailed(markdown, options).deck;
}

/** The notes' `##` sections that no question cites (by line), titled as the notes index titles them. */
function sectionsWithoutQuestions(notes: NotesIndex, questions: readonly Question[]): string[] {
  const sectionAt = (line: number) => notes.headingAt(line).split(' > ')[0]!;
  const cited = new Set(
    questions
      .flatMap((q) => [q.source.line, ...q.sources.map((s) => s.line)])
      .filter((line) => line > 0)
      .map(sectionAt),
  );
  const sections = notes.lines.flatMap((text, i) => (/^## /.test(text) ? [sectionAt(i + 1)] : []));
  return sections.filter((title) => !cited.has(title));
}

/** One question per id and per (stem, answer): two facts saying the same thing give one question. */
function dedupe(drafts: Draft[]): Draft[] {
  const ids = new Set<string>();
  const contents = new Set<string>();
  return drafts.filter(({ question }) => {
    const content = `${normalize(question.stem)}|${answerText(question)}`;
    if (ids.has(question.id) || contents.has(content)) return false;
    ids.add(question.id);
    contents.add(content);
    return true;
  });
}

function answerText(question: Draft['question']): string {
  return question.answers.map((i) => normalize(question.options[i] ?? '')).join('|');
}
