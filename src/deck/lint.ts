import type { Erratum } from './data';
import type { QuestionMeta } from './draft';
import type { Sequence } from './facts';
import { leakedWords, shapeGiveaway } from './leak';
import type { LintFinding, LintRule } from './lint-types';
import type { OverlapIndex } from './overlaps';
import { renderQuestionText } from './render';
import type { ServiceRegistry } from './services';
import { TRUE_FALSE_OPTIONS } from './templates/fixed';
import { normalize, significantWords, tokenOverlap } from './text';
import type { Deck, Question } from './types';
import { ABOUT_THE_NOTES, addedWords, BLANK, CUT_OFF } from './wording';
import { isFillIn } from './drill';

export type { LintFinding, LintRule } from './lint-types';

/** Discord limits (embed description 4096, field value 1024, 6000 per message) and our own, stricter ones. */
export const LIMITS = {
  stem: 1000,
  /** Options are always listed in the text with letter buttons, so they may exceed a button label (80). */
  option: 300,
  explanation: 1024,
  embedDescription: 4096,
  message: 6000,
  topic: 100,
  summary: 600,
} as const;

/** Match options become select-menu labels (100 characters) after a letter prefix. */
const MATCH_LABEL = 90;

export interface LintContext {
  meta?: Map<string, QuestionMeta>;
  overlaps?: OverlapIndex;
  errata?: readonly Erratum[];
  services?: ServiceRegistry;
  sequences?: readonly Sequence[];
}

/** Every defect found in the deck; an empty list means the deck can ship. */
export function lintDeck(deck: Deck, context: LintContext = {}): LintFinding[] {
  const findings: LintFinding[] = [];
  const add = (rule: LintRule, questionId: string | undefined, message: string) =>
    findings.push({ rule, questionId, message });
  const ids = new Set<string>();
  const contents = new Map<string, string>();
  for (const question of deck.questions) {
    if (ids.has(question.id)) add('duplicate-question', question.id, 'duplicate id');
    ids.add(question.id);
    const content = `${normalize(question.stem)}|${question.answers.map((a) => normalize(question.options[a] ?? '')).join('|')}`;
    const twin = contents.get(content);
    if (twin !== undefined) add('duplicate-question', question.id, `same stem and answer as ${twin}`);
    contents.set(content, question.id);
    lintQuestion(question, context, (rule, message) => add(rule, question.id, message));
  }
  for (const card of deck.services) {
    if (card.summary.length > LIMITS.summary)
      add('too-long', undefined, `card "${card.name}": summary over ${LIMITS.summary}`);
    const texts = [card.name, card.summary, card.examTip, ...card.confusedWith];
    lintTexts(texts, context, (rule, message) => add(rule, undefined, `card "${card.name}": ${message}`));
  }
  return findings;
}

type Report = (rule: LintRule, message: string) => void;

export function lintQuestion(question: Question, context: LintContext, report: Report): void {
  lintStructure(question, report);
  if (!question.explanation.trim()) report('missing-explanation', 'no explanation');
  if (question.rationales.length !== question.options.length || question.rationales.some((r) => !r.trim()))
    report('missing-explanation', 'needs one rationale per option');
  if (question.beyond ? !question.doc : question.sources.length === 0 || question.source.line < 1)
    report(
      'missing-source',
      question.beyond ? 'a beyond question needs its documentation page' : 'no source',
    );
  lintLengths(question, report);
  if (question.type === 'single' || question.type === 'multi') {
    lintOptions(question, report);
    lintLeak(question, report);
    // Hand-written items decide between overlapping entities by the scenario's constraint; reviewers judge those.
    if (question.tier === 'drill') lintDefensible(question, context, report);
  }
  if (question.type === 'order' && question.tier === 'drill') lintOrder(question, context, report);
  lintWording(question, report);
  lintTexts(
    [
      question.stem,
      ...question.options,
      question.explanation,
      ...question.rationales,
      ...(question.prompts ?? []),
    ],
    context,
    report,
  );
}

/** Both tiers: about AWS, not the notes; no template blanks or cut-offs; rationales that teach. */
function lintWording(q: Question, report: Report): void {
  const texts = [
    ['stem', q.stem],
    ['explanation', q.explanation],
    ...q.options.map((o, i) => [`option ${i + 1}`, o]),
    ...q.rationales.map((r, i) => [`rationale ${i + 1}`, r]),
    ...(q.prompts ?? []).map((p, i) => [`prompt ${i + 1}`, p]),
  ] as const;
  for (const [where, text] of texts) {
    if (ABOUT_THE_NOTES.test(text))
      report('about-the-notes', `${where} talks about the notes: "${text.slice(0, 60)}"`);
    if (BLANK.test(text) && !(where === 'stem' && isFillIn(q)))
      report('template-artifact', `${where} has a "___" blank`);
    if (CUT_OFF.test(text)) report('template-artifact', `${where} is cut off`);
  }
  q.rationales.forEach((r, i) => {
    if (addedWords(r, q.options[i] ?? '') < 2)
      report('rationale-restates', `rationale ${i + 1} only restates its option`);
  });
}

function lintStructure(q: Question, report: Report): void {
  const inRange = q.answers.every((a) => a >= 0 && a < q.options.length);
  const unique = new Set(q.answers).size === q.answers.length;
  // A match prompt may share its answer with another prompt; every other type names each option once.
  if (!inRange || (!unique && q.type !== 'match')) report('structure', 'answers out of range or repeated');
  switch (q.type) {
    case 'single':
      if (q.options.length !== 4 || q.answers.length !== 1)
        report('structure', 'single needs 4 options, 1 answer');
      break;
    case 'multi': {
      if (q.options.length < 5 || q.options.length > 6 || q.answers.length < 2 || q.answers.length > 3)
        report('structure', 'multi needs 5–6 options, 2–3 answers');
      const word = q.answers.length === 3 ? 'TRÊS' : 'DUAS';
      if (!q.stem.includes(`Escolha ${word}.`)) report('structure', `multi stem must say "Escolha ${word}."`);
      break;
    }
    case 'match': {
      const prompts = q.prompts ?? [];
      if (prompts.length < 3 || prompts.length > 4 || q.options.length < 3 || q.options.length > 5)
        report('structure', 'match needs 3–4 prompts and 3–5 options');
      if (q.answers.length !== prompts.length || !inRange)
        report('structure', 'match needs one option index per prompt');
      for (const option of q.options) {
        if (option.length > MATCH_LABEL)
          report('too-long', `match option over ${MATCH_LABEL} chars: "${option}"`);
      }
      break;
    }
    case 'truefalse':
      if (q.options.join('|') !== TRUE_FALSE_OPTIONS.join('|') || q.answers.length !== 1)
        report('structure', 'truefalse options must be exactly ["Verdadeiro", "Falso"]');
      break;
    case 'order':
      if (q.answers.length !== q.options.length || !unique || !inRange)
        report('order-permutation', 'order answers must be a permutation of the option indexes');
      else if (q.answers.every((a, i) => a === i))
        report('order-permutation', 'options are already in order');
      break;
  }
}

function lintLengths(q: Question, report: Report): void {
  if (q.stem.length > LIMITS.stem) report('too-long', `stem has ${q.stem.length} chars (max ${LIMITS.stem})`);
  if (q.explanation.length > LIMITS.explanation)
    report('too-long', `explanation has ${q.explanation.length} chars (max ${LIMITS.explanation})`);
  for (const option of q.options) {
    if (option.length > LIMITS.option)
      report('too-long', `option over ${LIMITS.option} chars: "${option.slice(0, 40)}…"`);
  }
  const rendered = renderQuestionText(q, 'pt-BR');
  if (rendered.length > LIMITS.embedDescription)
    report('too-long', `rendered question over ${LIMITS.embedDescription}`);
  if (rendered.length + q.explanation.length + q.topic.length > LIMITS.message)
    report('too-long', `question with explanation over ${LIMITS.message}`);
  if (q.topic.length > LIMITS.topic) report('too-long', `topic over ${LIMITS.topic} chars`);
}

function lintOptions(q: Question, report: Report): void {
  for (let i = 0; i < q.options.length; i++) {
    for (let j = i + 1; j < q.options.length; j++) {
      const a = q.options[i] ?? '';
      const b = q.options[j] ?? '';
      const near =
        Math.min(significantWords(a).length, significantWords(b).length) >= 3 && tokenOverlap(a, b) >= 0.8;
      if (normalize(a) === normalize(b) || near)
        report('duplicate-option', `options ${i} and ${j} are (nearly) the same`);
    }
  }
}

function lintLeak(q: Question, report: Report): void {
  const leaked = leakedWords(q.stem, q.options, q.answers);
  if (leaked.length > 0) report('answer-leak', `answer words in the stem: ${leaked.join(', ')}`);
  const shape = shapeGiveaway(q.options, q.answers);
  if (shape) report('answer-shape', shape);
}

/** A wrong option that overlaps the answer (curated overlaps, or the same entity) is also defensible. */
function lintDefensible(q: Question, context: LintContext, report: Report): void {
  const meta = context.meta?.get(q.id);
  const entities = meta?.optionEntities ?? q.options;
  if (meta && !meta.exclusive) return;
  for (const a of q.answers) {
    const answer = entities[a] ?? '';
    entities.forEach((other, i) => {
      if (q.answers.includes(i)) return;
      const same = normalize(other) === normalize(answer);
      if (same || context.overlaps?.overlap(answer, other)) {
        report('multiple-answers', `"${other}" also fits (overlaps "${answer}")`);
      }
    });
  }
}

function lintOrder(q: Question, context: LintContext, report: Report): void {
  if (!context.sequences) return;
  const ordered = q.answers.map((a) => q.options[a] ?? '');
  const fits = context.sequences.some((s) => {
    const positions = ordered.map((item) => s.items.indexOf(item));
    return positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] ?? -1)));
  });
  if (!fits) report('order-permutation', 'answer order does not follow any sequence in the notes');
}

const erratumPatterns = new WeakMap<readonly Erratum[], { id: string; original: string }[]>();

/** The corrected texts to look for, normalized once per errata list. */
function patternsOf(errata: readonly Erratum[]): { id: string; original: string }[] {
  let patterns = erratumPatterns.get(errata);
  if (!patterns) {
    patterns = errata
      .map((e) => ({ e, original: normalize(e.match.replace(/[*_|]/g, ' ')) }))
      // Additive corrections keep the original words; there is nothing to catch for them.
      .filter(
        ({ e, original }) => !(e.replacement !== undefined && normalize(e.replacement).includes(original)),
      )
      .filter(({ original }) => original.split(' ').length >= 3)
      .map(({ e, original }) => ({ id: e.id, original }));
    erratumPatterns.set(errata, patterns);
  }
  return patterns;
}

/** No corrected statement and no wrong service name may reach the bot. */
function lintTexts(texts: string[], context: LintContext, report: Report): void {
  const joined = normalize(texts.join(' \n '));
  for (const { id, original } of patternsOf(context.errata ?? [])) {
    if (joined.includes(original)) report('errata-text', `repeats the text corrected by erratum "${id}"`);
  }
  if (context.services) {
    for (const text of texts) {
      if (context.services.fixNames(text) !== text)
        report('unofficial-name', `unofficial service name in "${text.slice(0, 60)}"`);
    }
  }
}
