import type { Draft } from '../draft';
import { shortId } from '../hash';
import { seededRandom, shuffled } from '../random';
import { leakedWords, shapeGiveaway } from '../leak';
import { clip, normalize, significantWords, tokenOverlap } from '../text';
import type { ExamDomain, QuestionType, Source } from '../types';

export interface ChoiceOption {
  /** What the option shows. */
  text: string;
  /** The term or service the option stands for. */
  entity: string;
  /** Why it is right or wrong, for the explanation ("Amazon Polly: converte texto em fala."). */
  note: string;
  /** Lower is preferred as a wrong option (e.g. 0 = same category as the answer). */
  rank?: number;
}

export interface ChoiceSpec {
  template: string;
  /** The identity of the fact(s) the question is built from (never line numbers). */
  identity: string;
  /** The fact's own text: editing it changes the id. */
  ownText: string;
  type: Extract<QuestionType, 'single' | 'multi'>;
  stem: string;
  correct: ChoiceOption[];
  /** Candidate wrong options; the caller has already removed anything that could also be right. */
  pool: ChoiceOption[];
  intro: string;
  source: Source;
  topic: string;
  domain: ExamDomain;
  services: string[];
  /** Default true: the stem singles out one entity, so overlapping entities are never offered. */
  exclusive?: boolean;
}

const OPTION_COUNT = { single: 4, multi: 5 } as const;
const EXPLANATION_MAX = 1000;

export function questionId(template: string, identity: string, ownText: string): string {
  return shortId(template, identity, ownText);
}

/**
 * Pick wrong options deterministically (seeded by the question id), shuffle, and write the explanation.
 * Returns undefined when the family is too small to fill the options.
 */
export function choiceQuestion(spec: ChoiceSpec): Draft | undefined {
  const id = questionId(spec.template, spec.identity, spec.ownText);
  const random = seededRandom(id);
  const wanted = OPTION_COUNT[spec.type] - spec.correct.length;
  const chosen: ChoiceOption[] = [];
  const taken = [...spec.correct];
  // Prefer distractors of a similar length, so the answer does not stand out by its shape.
  const answerLength = spec.correct.reduce((n, o) => n + o.text.length, 0) / spec.correct.length;
  // Words the answer shares with the stem are a giveaway unless a wrong option shares them too.
  const stemWords = new Set(significantWords(spec.stem));
  const risky = new Set(
    spec.correct.flatMap((c) => significantWords(c.text)).filter((w) => stemWords.has(w)),
  );
  const shares = (o: ChoiceOption) => (significantWords(o.text).some((w) => risky.has(w)) ? 0 : 1);
  const candidates = shuffled(spec.pool, random).sort(
    (a, b) =>
      shares(a) - shares(b) ||
      (a.rank ?? 0) - (b.rank ?? 0) ||
      lengthDistance(a.text, answerLength) - lengthDistance(b.text, answerLength),
  );
  for (const option of candidates) {
    if (chosen.length === wanted) break;
    if (taken.some((t) => clash(t, option))) continue;
    chosen.push(option);
    taken.push(option);
  }
  if (chosen.length < wanted) return undefined;
  const options = shuffled([...spec.correct, ...chosen], random);
  const answers = spec.correct.map((c) => options.indexOf(c)).sort((a, b) => a - b);
  const texts = options.map((o) => o.text);
  if (leakedWords(spec.stem, texts, answers).length > 0 || shapeGiveaway(texts, answers)) return undefined;
  return {
    question: {
      id,
      type: spec.type,
      stem: spec.stem,
      options: options.map((o) => o.text),
      answers,
      explanation: explain(spec.intro, answers),
      // An answer without its own note is explained by the intro (what the right entity is).
      rationales: options.map((o) => o.note || (spec.correct.includes(o) ? spec.intro : '')),
      source: spec.source,
      topic: spec.topic,
      domain: spec.domain,
      services: [...new Set(spec.services)],
    },
    meta: {
      template: spec.template,
      optionEntities: options.map((o) => o.entity),
      exclusive: spec.exclusive ?? true,
    },
  };
}

function lengthDistance(text: string, target: number): number {
  // Buckets, so shuffling still varies the choice among similar lengths.
  return Math.round(Math.abs(Math.log((text.length + 10) / (target + 10))) * 3);
}

function clash(a: ChoiceOption, b: ChoiceOption): boolean {
  return (
    normalize(a.entity) === normalize(b.entity) ||
    normalize(a.text) === normalize(b.text) ||
    tokenOverlap(a.text, b.text) >= 0.8
  );
}

export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

export function letter(index: number): string {
  return LETTERS[index] ?? String(index + 1);
}

/**
 * "Resposta: B. <intro>". Why each other option is wrong lives in the rationales, which every reveal
 * shows under "Por que não as outras": repeating it here printed it twice.
 */
function explain(intro: string, answers: number[]): string {
  return clip(`Resposta: ${answers.map(letter).join(' e ')}. ${intro}`, EXPLANATION_MAX);
}
