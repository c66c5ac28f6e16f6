import type { Draft } from '../draft';
import type { ServiceRegistry } from '../services';
import type { Fact } from '../facts';
import { clip, firstSentence, normalize, redact } from '../text';
import type { ChoiceOption } from './choice';
import { choiceQuestion } from './choice';
import type { TemplateContext } from './context';
import { conflicts, displayName, entitySays } from './context';
import { trueFalseQuestion } from './fixed';
import { nameVariants } from './names';

/** Items that compare or group other items: they are not entities one can be asked about. */
const NOT_AN_ENTITY =
  /\bvs\.?\s|^(Casos de Uso|Exemplo de Fluxo de Trabalho|Onde os Dados são Armazenados)$/i;
/** Attributes that do not single out their subject (a broader concept's examples also fit a narrower one). */
const SKIP_ATTRIBUTES = new Set(['Exemplos', 'Armazenamento', 'Notas']);
const OPTION_TEXT_MAX = 220;

export function isDrillable(fact: Fact): boolean {
  return (
    fact.kind !== 'activity' &&
    !NOT_AN_ENTITY.test(fact.name) &&
    !SKIP_ATTRIBUTES.has(fact.attribute) &&
    !/^nenhum/i.test(fact.text) &&
    fact.table?.title.includes(' vs ') !== true
  );
}

/** Definition → term, term → definition, true/false, for every drillable fact. */
export function factQuestions(context: TemplateContext): Draft[] {
  const drafts: Draft[] = [];
  for (const fact of context.base.facts) {
    if (!isDrillable(fact)) continue;
    const describe = describeQuestion(context, fact);
    const identify = identifyQuestion(context, fact);
    if (describe) drafts.push(describe);
    if (identify) drafts.push(identify);
    drafts.push(trueStatement(context, fact));
    const falseOne = falseStatement(context, fact);
    if (falseOne) drafts.push(falseOne);
  }
  return drafts;
}

/** Wrong-option candidates: siblings first, then facts of the same kind in the same topic or service category. */
export function relatedFacts(context: TemplateContext, fact: Fact): Fact[] {
  let related = context.related.get(fact);
  if (!related) {
    related = computeRelated(context, fact);
    context.related.set(fact, related);
  }
  return related;
}

function computeRelated(context: TemplateContext, fact: Fact): Fact[] {
  const usable = (other: Fact): boolean =>
    isDrillable(other) &&
    !conflicts(context, fact.name, other.name) &&
    !entitySays(context, fact.name, other.text) &&
    !entitySays(context, other.name, fact.text);
  const siblings = (context.byFamily.get(fact.family) ?? []).filter(usable);
  // Three siblings fill a 1-of-4 question; mixing in cousins then only adds odd ones out (instance
  // families among inference options), which a blind review flagged as giveaways.
  if (siblings.length >= 3 || fact.kind === 'cell') return siblings;
  const category = categoryOf(context, fact);
  const cousins = context.base.facts.filter(
    (other) =>
      other.family !== fact.family &&
      other.kind === fact.kind &&
      // Services among services, terms among terms: otherwise the odd one out gives the answer away.
      other.subjects.length > 0 === fact.subjects.length > 0 &&
      (fact.kind !== 'detail' || other.attribute === fact.attribute) &&
      (other.topic === fact.topic || (category !== undefined && categoryOf(context, other) === category)) &&
      usable(other),
  );
  return [...siblings, ...cousins];
}

function sameCategory(context: TemplateContext, fact: Fact, service: string | undefined): boolean {
  const category = categoryOf(context, fact);
  return (
    category !== undefined && service !== undefined && context.services.get(service)?.category === category
  );
}

function categoryOf(context: TemplateContext, fact: Fact): string | undefined {
  const [subject] = fact.subjects;
  return subject === undefined ? undefined : context.services.get(subject)?.category;
}

function hide(context: TemplateContext, text: string, names: string[]): string {
  return redact(
    text,
    names.flatMap((n) => nameVariants(n, context.services)),
  );
}

function source(fact: Fact) {
  return { heading: fact.heading, line: fact.line };
}

function servicesOf(fact: Fact): string[] {
  return [...fact.subjects, ...fact.mentions];
}

function describeStem(fact: Fact, services: ServiceRegistry): string | undefined {
  const name = displayName(fact.name);
  switch (fact.kind) {
    case 'concept':
      if (fact.attribute === 'Definição') return `Qual é a definição de ${name}?`;
      if (fact.attribute === 'Conceito-chave') return `Qual é o conceito-chave de ${name}?`;
      if (fact.attribute === 'Descrição')
        return /^\d+\./.test(fact.name)
          ? `Qual alternativa descreve a etapa “${name}” do pipeline de ML?`
          : `Qual alternativa descreve a prática “${name}”?`;
      return `Para que serve ${name}?`;
    case 'detail':
      if (/caso de uso/i.test(fact.attribute)) return `Qual é um caso de uso típico de ${name}?`;
      // Rules of thumb are formulaic ("higher is better"); the metric-direction template drills them.
      if (fact.attribute === 'Regra Geral') return undefined;
      if (fact.attribute === 'Solução') return `Qual é a solução indicada para ${name}?`;
      return `Qual afirmação sobre ${name} está correta?`;
    case 'cell':
      // "What is in column X for row Y" asks about the notes' table, not about AWS.
      return undefined;
    case 'item': {
      if (fact.subjects.length > 0) return `Qual alternativa descreve o ${name}?`;
      // A feature listed under a service ("Personalização" under Amazon Bedrock) is named with its service,
      // or the stem would not say what it is about.
      const owner = fact.path
        .map((p) => services.resolveName(p)[0])
        .filter((s) => s !== undefined)
        .at(-1);
      return owner
        ? `No ${owner}, qual alternativa descreve “${name}”?`
        : `Qual alternativa descreve “${name}”?`;
    }
    default:
      return undefined;
  }
}

/** Term → its description, among siblings' descriptions. */
function describeQuestion(context: TemplateContext, fact: Fact): Draft | undefined {
  const stem = describeStem(fact, context.services);
  if (!stem) return undefined;
  const related = relatedFacts(context, fact);
  // Each option hides its own name; a wrong option that names the subject is a fair trap.
  const optionText = (f: Fact) => clip(hide(context, firstSentence(f.text), [f.name]), OPTION_TEXT_MAX);
  const correct: ChoiceOption = {
    text: optionText(fact),
    entity: fact.name,
    note: `Certo: esta é a descrição de ${displayName(fact.name)}.`,
  };
  // A description that names its own entity would need a blank: such an option is left out, not blanked.
  const pool = related
    .filter((r) => !optionText(r).includes('___'))
    .map((r) => ({
      text: optionText(r),
      entity: r.name,
      note: `Descreve ${displayName(r.name)}, não ${displayName(fact.name)}.`,
    }));
  return choiceQuestion({
    template: `describe-${fact.kind}`,
    identity: fact.key,
    ownText: fact.text,
    type: 'single',
    stem,
    correct: [correct],
    pool,
    intro: `${displayName(fact.name)}${fact.attribute ? ` (${fact.attribute})` : ''}: ${clip(fact.text, 400)}`,
    source: source(fact),
    topic: fact.topic,
    domain: fact.domain,
    services: fact.subjects,
  });
}

function identifyStem(context: TemplateContext, fact: Fact, text: string): string | undefined {
  // Where the description names the answer, the name is blanked: then it is a real fill-in-the-blank.
  if (text.includes('___'))
    return fact.subjects.length === 1
      ? `Qual serviço ou recurso da AWS completa as lacunas (___) desta descrição?\n“${text}”`
      : `Qual termo completa as lacunas (___) desta descrição?\n“${text}”`;
  if (fact.subjects.length === 1)
    return `Qual serviço ou recurso da AWS corresponde a esta descrição?\n“${text}”`;
  switch (fact.kind) {
    case 'concept':
      return `A qual conceito se refere ${attributePhrase(fact.attribute)}?\n“${text}”`;
    case 'detail':
      return `A qual termo se refere ${attributePhrase(fact.attribute)}?\n“${text}”`;
    case 'cell':
      return undefined;
    default:
      return `Qual termo corresponde a esta descrição?\n“${text}”`;
  }
}

/** Description → term (for a service: → the service, among services of its category). */
function identifyQuestion(context: TemplateContext, fact: Fact): Draft | undefined {
  if (fact.subjects.length > 1) return undefined;
  const text = clip(hide(context, fact.text, [fact.name]), 700);
  const pool = new Map<string, ChoiceOption>();
  for (const other of relatedFacts(context, fact)) {
    if (!pool.has(normalize(other.name))) {
      pool.set(normalize(other.name), {
        text: displayName(other.name),
        entity: other.name,
        note: `${displayName(other.name)}: ${clip(firstSentence(other.text), 300)}`,
        rank: sameCategory(context, fact, other.subjects[0]) ? 0 : other.family === fact.family ? 1 : 2,
      });
    }
  }
  const [subject] = fact.subjects;
  const category = subject === undefined ? undefined : context.services.get(subject)?.category;
  if (category !== undefined) {
    for (const other of context.base.facts) {
      const [otherService] = other.subjects;
      if (other.subjects.length !== 1 || otherService === undefined || pool.has(normalize(otherService)))
        continue;
      if (context.services.get(otherService)?.category !== category) continue;
      if (conflicts(context, fact.name, otherService) || entitySays(context, otherService, fact.text))
        continue;
      pool.set(normalize(otherService), {
        text: otherService,
        entity: otherService,
        note: `${otherService}: ${clip(firstSentence(other.text), 300)}`,
        rank: 0,
      });
    }
  }
  const stem = identifyStem(context, fact, text);
  if (!stem) return undefined;
  return choiceQuestion({
    template: `identify-${fact.kind}`,
    identity: fact.key,
    ownText: fact.text,
    type: 'single',
    stem,
    correct: [{ text: displayName(fact.name), entity: fact.name, note: '' }],
    pool: [...pool.values()],
    intro: `${displayName(fact.name)}: ${clip(firstSentence(fact.text), 300)}`,
    source: source(fact),
    topic: fact.topic,
    domain: fact.domain,
    services: servicesOf(fact),
  });
}

/** "esta definição", "este caso de uso": the attribute with its article. */
function attributePhrase(attribute: string): string {
  const lower = attribute.toLowerCase();
  const feminine = /ção$|ão$|gem$|regra|descri|defini|soluç/.test(lower);
  return `${feminine ? 'esta' : 'este'} ${lower === 'conceito-chave' ? 'ideia-chave' : lower}`.replace(
    'este ideia',
    'esta ideia',
  );
}

function subjectPhrase(fact: Fact): string {
  const name = displayName(fact.name);
  if (fact.kind === 'cell') return `Na tabela “${fact.table?.title}”, ${fact.attribute} de “${name}”`;
  if (fact.attribute && fact.attribute !== 'Detalhe') return `${name} — ${fact.attribute}`;
  return name;
}

function trueStatement(context: TemplateContext, fact: Fact): Draft {
  const text = clip(hide(context, fact.text, [fact.name]), 700);
  return trueFalseQuestion({
    template: `true-${fact.kind}`,
    identity: fact.key,
    ownText: fact.text,
    stem: `Verdadeiro ou falso?\n${subjectPhrase(fact)}: “${text}”`,
    isTrue: true,
    explanation: clip(
      `Verdadeiro. É o que as notas dizem sobre ${displayName(fact.name)} (${fact.heading}).`,
      1000,
    ),
    source: source(fact),
    topic: fact.topic,
    domain: fact.domain,
    services: servicesOf(fact),
  });
}

/** A sibling's description attached to this subject: false, and the explanation says whose it is. */
function falseStatement(context: TemplateContext, fact: Fact): Draft | undefined {
  // Two rules of thumb can both say "lower is better": swapping them may not make a false statement.
  if (fact.attribute === 'Regra Geral') return undefined;
  const related = relatedFacts(context, fact);
  const siblings = related.filter((o) => o.family === fact.family);
  // A sibling's text makes a plausible false statement; a far cousin's is trivially false.
  const pool =
    siblings.length > 0
      ? siblings
      : related.filter((o) => o.kind === fact.kind && o.attribute === fact.attribute);
  // A text that itself names the subject ("integrado com o Bedrock...") reads as half-true about it.
  const variants = nameVariants(fact.name, context.services).map((v) => v.toLowerCase());
  const candidates = pool.filter((o) => !variants.some((v) => o.text.toLowerCase().includes(v)));
  if (candidates.length === 0) return undefined;
  // Deterministic, and stable when unrelated facts change: pick by the fact's own key.
  const sorted = [...candidates].sort((a, b) => a.key.localeCompare(b.key));
  const index = [...fact.key].reduce((n, c) => (n * 31 + c.charCodeAt(0)) >>> 0, 7) % sorted.length;
  const other = sorted[index] as Fact;
  const text = clip(hide(context, other.text, [fact.name, other.name]), 700);
  return trueFalseQuestion({
    template: `false-${fact.kind}`,
    identity: fact.key,
    ownText: fact.text,
    stem: `Verdadeiro ou falso?\n${subjectPhrase(fact)}: “${text}”`,
    isTrue: false,
    explanation: clip(
      `Falso. Essa descrição é de ${displayName(other.name)}. ${displayName(fact.name)}: ${firstSentence(fact.text)}`,
      1000,
    ),
    source: source(fact),
    topic: fact.topic,
    domain: fact.domain,
    services: servicesOf(fact),
  });
}
