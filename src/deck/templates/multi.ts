import type { Draft } from '../draft';
import type { Fact } from '../facts';
import { clip, firstSentence, normalize, redact, tokenOverlap } from '../text';
import type { ChoiceOption } from './choice';
import { choiceQuestion } from './choice';
import type { TemplateContext } from './context';
import { conflicts, displayName } from './context';
import { isDrillable, relatedFacts } from './facts';
import { nameVariants } from './names';

const MAX_PAIRS_PER_ENTITY = 3;
const OPTION_TEXT_MAX = 200;

/** "Choose TWO" questions: two things the notes say about one entity, two services for one need, two examples. */
export function multiQuestions(context: TemplateContext): Draft[] {
  return [...statementPairs(context), ...sharedDescriptions(context), ...examplePairs(context)].filter(
    (d): d is Draft => d !== undefined,
  );
}

function hide(context: TemplateContext, text: string, names: string[]): string {
  return redact(
    text,
    names.flatMap((n) => nameVariants(n, context.services)),
  );
}

/** Two true statements about an entity (from different mentions or attributes) among three about its siblings. */
function statementPairs(context: TemplateContext): (Draft | undefined)[] {
  const drafts: (Draft | undefined)[] = [];
  // A service is one entity wherever it appears; a term is one entity within its topic
  // ("Serverless" in Bedrock is not the SageMaker "Serverless" inference).
  const entities = new Map<string, Fact[]>();
  for (const fact of context.base.facts) {
    const key =
      fact.subjects.length === 1 ? (fact.subjects[0] as string) : `${normalize(fact.name)}|${fact.topic}`;
    entities.set(key, [...(entities.get(key) ?? []), fact]);
  }
  for (const facts of entities.values()) {
    const own = distinctStatements(facts.filter(isDrillable));
    if (own.length < 2) continue;
    const first = own[0] as Fact;
    const related = new Map<string, Fact>();
    for (const fact of own) for (const r of relatedFacts(context, fact)) related.set(r.key, r);
    const toOption = (f: Fact, note: string): ChoiceOption => ({
      text: clip(hide(context, firstSentence(f.text), [f.name]), OPTION_TEXT_MAX),
      entity: f.name,
      note,
    });
    const pool = [...related.values()]
      .filter((r) => !conflicts(context, r.name, first.name))
      .map((r) => toOption(r, `é sobre ${displayName(r.name)}.`));
    for (let i = 0; i + 1 < own.length && i < MAX_PAIRS_PER_ENTITY; i++) {
      const pair = [own[i] as Fact, own[i + 1] as Fact];
      drafts.push(
        choiceQuestion({
          template: 'multi-statements',
          identity: pair.map((f) => f.key).join('+'),
          ownText: pair.map((f) => f.text).join('|'),
          type: 'multi',
          stem: `Quais DUAS afirmações as notas fazem sobre ${displayName(first.name)}? (Escolha DUAS.)`,
          correct: pair.map((f) => ({ ...toOption(f, ''), entity: `${f.name}#${f.key}` })),
          pool,
          intro: `As duas vêm das notas sobre ${displayName(first.name)} (${[...new Set(pair.map((f) => f.heading))].join('; ')}).`,
          source: { heading: first.heading, line: first.line },
          topic: first.topic,
          domain: first.domain,
          services: first.subjects,
        }),
      );
    }
  }
  return drafts;
}

/** Statements that say different things (the notes often repeat themselves across sections). */
function distinctStatements(facts: Fact[]): Fact[] {
  const out: Fact[] = [];
  for (const fact of facts) {
    const sentence = firstSentence(fact.text);
    if (out.some((o) => tokenOverlap(firstSentence(o.text), sentence) >= 0.5)) continue;
    out.push(fact);
  }
  return out;
}

/** One description the notes give to two entities (e.g. "pgvector" for Aurora and RDS for PostgreSQL). */
function sharedDescriptions(context: TemplateContext): (Draft | undefined)[] {
  const drafts: (Draft | undefined)[] = [];
  for (const fact of context.base.facts) {
    if (fact.subjects.length !== 2 || fact.kind !== 'item') continue;
    const [a, b] = fact.subjects as [string, string];
    const category = context.services.get(a)?.category;
    const pool = context.services.entries
      .filter((s) => s.category === category && s.name !== a && s.name !== b)
      .filter((s) => !conflicts(context, s.name, a) && !conflicts(context, s.name, b))
      .filter((s) => context.base.facts.some((f) => f.subjects.includes(s.name)))
      .map((s) => ({ text: s.name, entity: s.name, note: `${s.name}: ${firstFact(context, s.name)}` }));
    drafts.push(
      choiceQuestion({
        template: 'multi-shared',
        identity: fact.key,
        ownText: fact.text,
        type: 'multi',
        stem: `Quais DOIS serviços da AWS as notas descrevem assim: “${clip(hide(context, fact.text, fact.subjects), 500)}”? (Escolha DUAS.)`,
        correct: [a, b].map((s) => ({ text: s, entity: s, note: '' })),
        pool,
        intro: `${a} e ${b}: ${clip(fact.text, 300)}`,
        source: { heading: fact.heading, line: fact.line },
        topic: fact.topic,
        domain: fact.domain,
        services: fact.subjects,
        exclusive: false,
      }),
    );
  }
  return drafts;
}

function firstFact(context: TemplateContext, service: string): string {
  const fact = context.base.facts.find((f) => f.subjects.includes(service));
  return clip(firstSentence(fact?.text ?? ''), 120);
}

/** Table cells that list examples ("StyleGAN, CycleGAN, ProGAN"): pick two of a row among the other rows'. */
function examplePairs(context: TemplateContext): (Draft | undefined)[] {
  const drafts: (Draft | undefined)[] = [];
  const cells = context.base.facts.filter((f) => f.kind === 'cell' && f.attribute === 'Exemplos');
  const examplesOf = (f: Fact) =>
    f.text
      .split(/,\s*|\s+e\s+/)
      .map((s) => s.trim())
      .filter(Boolean);
  for (const cell of cells) {
    const own = examplesOf(cell);
    const pool = cells
      .filter((c) => c !== cell && !conflicts(context, c.name, cell.name))
      .flatMap((c) =>
        examplesOf(c).map((e) => ({
          text: e,
          entity: e,
          note: `${e} é exemplo de ${c.name}, não de ${cell.name}.`,
        })),
      );
    for (let i = 0; i + 1 < own.length; i++) {
      const pair = [own[i] as string, own[i + 1] as string];
      drafts.push(
        choiceQuestion({
          template: 'multi-examples',
          identity: `${cell.key}|${pair.join('+')}`,
          ownText: cell.text,
          type: 'multi',
          stem: `Quais DOIS são exemplos de ${cell.name}? (Escolha DUAS.)`,
          correct: pair.map((e) => ({
            text: e,
            entity: e,
            note: `Certo: ${e} é um exemplo de ${cell.name}.`,
          })),
          pool,
          intro: `Exemplos de ${cell.name}: ${cell.text}.`,
          source: { heading: cell.heading, line: cell.line },
          topic: cell.topic,
          domain: cell.domain,
          services: [],
          exclusive: false,
        }),
      );
    }
  }
  return drafts;
}
