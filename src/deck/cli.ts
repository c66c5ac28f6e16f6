import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { buildDeckDetailed } from './build';
import { DeckLintError, NotesError } from './errors';
import { exportDeck } from './export';
import { DEFAULT_NOTES_PATH } from './index';
import { seededRandom, shuffled } from './random';
import { renderAnswer, renderQuestionText } from './render';
import { summarizeDeck } from './summary';
import type { Deck, Question } from './types';
import { itemsCheck } from './items/check';
import { formatForReview } from './review';
import { computeCoverage, formatCoverage } from './coverage';
import { loadExamGuide } from './guide';

const USAGE = `usage: npm run deck -- <command> [--notes <path>] [--no-bank]
  stats                 counts by type, domain, topic and services
  show <id>             one question with its answer and explanation
  sample <n> --seed <s> n questions chosen by the seed
  lint                  exit 1 if the lint finds anything
  export <file>         write the deck as one JSON document
  items-check [file…]   check the item bank (all of data/items, or the files named)
  coverage              exam items per domain and objective, from the notes or beyond them
  review --sample <n> --seed <s> [--tier exam|drill]
                        n questions as the bot shows them, with key, rationales and source`;

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined) throw new UsageError(`${name} needs a value`);
  args.splice(i, 2);
  return value;
}

let withoutBank = false;

function build(notesPath: string, lint: boolean) {
  const file = relative(process.cwd(), notesPath) || notesPath;
  return buildDeckDetailed(readFileSync(notesPath, 'utf8'), {
    file,
    lint,
    ...(withoutBank ? { items: [] } : {}),
  });
}

function printQuestion(q: Question): void {
  console.log(
    `[${q.id}] ${q.type} · domínio ${q.domain} · ${q.topic} · ${q.source.heading}:${q.source.line}`,
  );
  if (q.services.length > 0) console.log(`serviços: ${q.services.join(', ')}`);
  console.log(renderQuestionText(q, 'pt-BR'));
  console.log(`=> ${renderAnswer(q)}`);
  console.log(q.explanation);
  console.log('');
}

function find(deck: Deck, id: string): Question {
  const q = deck.questions.find((x) => x.id === id);
  if (!q) throw new UsageError(`no question with id ${id}`);
  return q;
}

function main(argv: string[]): number {
  const args = [...argv];
  const notes = option(args, '--notes') ?? DEFAULT_NOTES_PATH;
  const bankFlag = args.indexOf('--no-bank');
  if (bankFlag >= 0) {
    withoutBank = true;
    args.splice(bankFlag, 1);
  }
  const seed = option(args, '--seed') ?? '1';
  const sample = option(args, '--sample');
  const tier = option(args, '--tier');
  const [command, arg] = args;
  switch (command) {
    case 'stats': {
      console.log(JSON.stringify(summarizeDeck(build(notes, true).deck), null, 2));
      return 0;
    }
    case 'show': {
      if (!arg) throw new UsageError('show needs an id');
      printQuestion(find(build(notes, true).deck, arg));
      return 0;
    }
    case 'sample': {
      const n = Number(arg ?? '10');
      if (!Number.isInteger(n) || n < 1) throw new UsageError('sample needs a positive count');
      const { deck } = build(notes, true);
      for (const q of shuffled(deck.questions, seededRandom(`sample:${seed}`)).slice(0, n)) printQuestion(q);
      return 0;
    }
    case 'lint': {
      const { deck } = build(notes, true);
      console.log(
        `ok: ${deck.questions.length} questions, ${deck.services.length} service cards, no findings`,
      );
      return 0;
    }
    case 'export': {
      if (!arg) throw new UsageError('export needs a file');
      const { deck } = build(notes, true);
      writeFileSync(arg, exportDeck(deck));
      console.log(`wrote ${arg}: ${deck.questions.length} questions, ${deck.services.length} service cards`);
      return 0;
    }
    case 'review': {
      const n = Number(sample ?? '20');
      if (!Number.isInteger(n) || n < 1) throw new UsageError('review needs --sample <positive count>');
      if (tier !== undefined && tier !== 'exam' && tier !== 'drill')
        throw new UsageError('--tier is exam or drill');
      const { deck } = build(notes, true);
      const pool = deck.questions.filter((q) => tier === undefined || q.tier === tier);
      const chosen = shuffled(pool, seededRandom(`review:${seed}`)).slice(0, n);
      console.log(chosen.map(formatForReview).join('\n\n---\n\n'));
      return 0;
    }
    case 'coverage': {
      for (const line of formatCoverage(computeCoverage(build(notes, true).deck, loadExamGuide())))
        console.log(line);
      return 0;
    }
    case 'items-check': {
      const { lines, ok } = itemsCheck(readFileSync(notes, 'utf8'), args.slice(1));
      for (const line of lines) console.log(line);
      return ok ? 0 : 1;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof NotesError) {
    console.error(error.message);
  } else if (error instanceof DeckLintError) {
    console.error(error.message);
    for (const f of error.findings.slice(0, 50))
      console.error(`  ${f.rule} ${f.questionId ?? ''} ${f.message}`);
  } else if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
