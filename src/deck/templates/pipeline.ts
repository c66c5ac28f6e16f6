import type { Draft } from '../draft';
import type { Fact, Sequence } from '../facts';
import { clip, firstSentence, normalize, redact } from '../text';
import type { ChoiceOption } from './choice';
import { choiceQuestion } from './choice';
import type { TemplateContext } from './context';
import { conflicts, displayName } from './context';
import { orderQuestion, trueFalseQuestion } from './fixed';
import { nameVariants } from './names';

/** Questions about the ML pipeline and other sequences: order, next/previous step, tool → step. */
export function pipelineQuestions(context: TemplateContext): Draft[] {
  const drafts: Draft[] = [];
  for (const sequence of context.base.sequences) {
    drafts.push(...orderQuestions(sequence), ...precedenceStatements(sequence));
  }
  const pipeline = context.base.pipeline;
  if (pipeline) {
    drafts.push(...neighbourQuestions(pipeline));
    drafts.push(...toolQuestions(context, pipeline));
  }
  drafts.push(...activityQuestions(context));
  return drafts.filter((d): d is Draft => d !== undefined);
}

/** Windows of 4 and 5 consecutive items, plus every other item: all in the notes' order. */
function orderQuestions(sequence: Sequence): Draft[] {
  const n = sequence.items.length;
  const picks: number[][] = [];
  if (n <= 5) picks.push([...Array(n).keys()]);
  else {
    for (let size = 4; size <= 5; size++) {
      for (let start = 0; start + size <= n; start++)
        picks.push([...Array(size).keys()].map((i) => start + i));
    }
    picks.push([...Array(n).keys()].filter((i) => i % 2 === 0).slice(0, 4));
    picks.push([...Array(n).keys()].filter((i) => i % 2 === 1).slice(0, 4));
  }
  const isPipeline = sequence.key.startsWith('pipeline|');
  const full = sequence.items.map((item, i) => `${i + 1}. ${item}`).join('; ');
  return picks.map((indexes) => {
    const items = indexes.map((i) => sequence.items[i] as string);
    return orderQuestion({
      template: isPipeline ? 'pipeline-order' : 'sequence-order',
      identity: `${sequence.key}|${indexes.join(',')}`,
      ownText: items.join('|'),
      stem: isPipeline
        ? `Coloque estas etapas do pipeline de ML na ordem em que acontecem.`
        : `Coloque na ordem correta as etapas do fluxo “${sequence.name}” (${sequence.heading}).`,
      items,
      explanation: clip(`Ordem do pipeline de ML: ${full}.`, 1000),
      source: { heading: sequence.heading, line: sequence.line },
      topic: sequence.topic,
      domain: sequence.domain,
      services: sequence.mentions,
    });
  });
}

/** "A comes right before B": true for each adjacent pair, and false with the pair swapped. */
function precedenceStatements(sequence: Sequence): Draft[] {
  const isPipeline = sequence.key.startsWith('pipeline|');
  const where = isPipeline ? 'No pipeline de ML' : `No fluxo “${sequence.name}” (${sequence.heading})`;
  const full = sequence.items.map((item, i) => `${i + 1}. ${item}`).join('; ');
  const drafts: Draft[] = [];
  for (let i = 0; i + 1 < sequence.items.length; i++) {
    const a = sequence.items[i] as string;
    const b = sequence.items[i + 1] as string;
    for (const swapped of [false, true]) {
      const [first, second] = swapped ? [b, a] : [a, b];
      drafts.push(
        trueFalseQuestion({
          template: swapped ? 'sequence-before-swapped' : 'sequence-before',
          identity: `${sequence.key}|${a}|${b}`,
          ownText: `${a}|${b}`,
          stem: `Verdadeiro ou falso?\n${where}, “${first}” vem imediatamente antes de “${second}”.`,
          isTrue: !swapped,
          explanation: clip(`${swapped ? 'Falso' : 'Verdadeiro'}. A ordem nas notas é: ${full}.`, 1000),
          source: { heading: sequence.heading, line: sequence.line },
          topic: sequence.topic,
          domain: sequence.domain,
          services: sequence.mentions.filter((m) => `${a} ${b}`.includes(m.replace(/^(Amazon|AWS) /, ''))),
        }),
      );
    }
  }
  return drafts;
}

function stepOption(pipeline: Sequence, index: number): ChoiceOption {
  const name = pipeline.items[index] as string;
  return {
    text: name,
    entity: name,
    note: `${name} é a etapa ${index + 1} de ${pipeline.items.length} do pipeline de ML.`,
  };
}

/** "Which step comes right after / before X?" */
function neighbourQuestions(pipeline: Sequence): Draft[] {
  const drafts: (Draft | undefined)[] = [];
  const items = pipeline.items;
  const full = items.map((item, i) => `${i + 1}. ${item}`).join('; ');
  items.forEach((item, i) => {
    for (const [direction, j] of [
      ['depois', i + 1],
      ['antes', i - 1],
    ] as const) {
      if (j < 0 || j >= items.length) continue;
      const pool = items
        .map((_, k) => k)
        .filter((k) => k !== i && k !== j)
        .map((k) => stepOption(pipeline, k));
      drafts.push(
        choiceQuestion({
          template: `pipeline-${direction === 'depois' ? 'next' : 'previous'}`,
          identity: `${pipeline.key}|${item}`,
          ownText: `${item}|${items[j]}`,
          type: 'single',
          stem: `No pipeline de ML, qual etapa vem imediatamente ${direction} de “${item}”?`,
          correct: [stepOption(pipeline, j)],
          pool,
          intro: clip(`A sequência do pipeline de ML é: ${full}.`, 600),
          source: { heading: pipeline.heading, line: pipeline.line },
          topic: pipeline.topic,
          domain: pipeline.domain,
          services: [],
        }),
      );
    }
  });
  return drafts.filter((d): d is Draft => d !== undefined);
}

/** A tool listed under a step's "Ferramentas" → that step (never offering another step that lists it too). */
function toolQuestions(context: TemplateContext, pipeline: Sequence): Draft[] {
  const drafts: (Draft | undefined)[] = [];
  const tools = context.base.facts.filter((f): f is Fact & { step: number } => f.step !== undefined);
  for (const tool of tools) {
    const stepIndex = tool.step - 1;
    if (pipeline.items[stepIndex] === undefined) continue;
    const alsoIn = new Set(tools.filter((t) => conflicts(context, t.name, tool.name)).map((t) => t.step - 1));
    const pool = pipeline.items
      .map((_, k) => k)
      .filter((k) => !alsoIn.has(k))
      .map((k) => stepOption(pipeline, k));
    const what = clip(redact(firstSentence(tool.text), nameVariants(tool.name, context.services)), 220);
    drafts.push(
      choiceQuestion({
        template: 'tool-step',
        identity: tool.key,
        ownText: tool.text,
        type: 'single',
        stem: `Em qual etapa do pipeline de ML as notas listam ${displayName(tool.name)} como ferramenta, para: “${what}”?`,
        correct: [stepOption(pipeline, stepIndex)],
        pool,
        intro: `${displayName(tool.name)} aparece nas ferramentas da etapa ${tool.step} (${pipeline.items[stepIndex]}): ${clip(firstSentence(tool.text), 300)}`,
        source: { heading: tool.heading, line: tool.line },
        topic: tool.topic,
        domain: tool.domain,
        services: tool.subjects,
      }),
    );
  }
  return drafts.filter((d): d is Draft => d !== undefined);
}

/** A key activity → the step or practice it belongs to. */
function activityQuestions(context: TemplateContext): Draft[] {
  const activities = context.base.facts.filter((f) => f.kind === 'activity');
  const sections = [...new Set(activities.map((a) => a.heading.split(' > ').at(-1) ?? a.heading))];
  const drafts: (Draft | undefined)[] = [];
  for (const activity of activities) {
    const own = activity.heading.split(' > ').at(-1) ?? activity.heading;
    const option = (section: string): ChoiceOption => ({
      text: displayName(section),
      entity: section,
      note: `${displayName(section)}: ${clip(activities.find((a) => a.heading.endsWith(section))?.text ?? '', 120)}`,
    });
    const pool = sections
      .filter((s) => normalize(s) !== normalize(own) && !conflicts(context, s, own))
      .map(option);
    drafts.push(
      choiceQuestion({
        template: 'activity-section',
        identity: activity.key,
        ownText: activity.text,
        type: 'single',
        stem: `A atividade-chave “${activity.text.replace(/\.$/, '')}” pertence a qual etapa ou prática do ciclo de vida de ML?`,
        correct: [{ ...option(own), note: '' }],
        pool,
        intro: `Essa atividade faz parte de “${displayName(own)}”.`,
        source: { heading: activity.heading, line: activity.line },
        topic: activity.topic,
        domain: activity.domain,
        services: activity.mentions,
      }),
    );
  }
  return drafts.filter((d): d is Draft => d !== undefined);
}
