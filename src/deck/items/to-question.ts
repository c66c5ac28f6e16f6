import { seededRandom, shuffled } from '../random';
import type { Question, SourceQuote } from '../types';
import type { Item } from './schema';
import type { NotesIndex } from './sources';
import { topicOfObjective } from './topics';

export const BEYOND_HEADING = 'Além das notas';

interface Shown {
  options: string[];
  rationales: string[];
  answers: number[];
  prompts?: string[];
  explanation: string;
}

/** A permutation of 0..n-1 seeded by the item id (the same item always shows the same order). */
function permutation(id: string, n: number, avoidIdentity: boolean): number[] {
  const indexes = [...Array(n).keys()];
  for (let attempt = 0; ; attempt++) {
    const order = shuffled(indexes, seededRandom(`item:${id}:${attempt}`));
    if (!avoidIdentity || order.some((v, i) => v !== i)) return order;
  }
}

function shown(item: Item): Shown {
  switch (item.type) {
    case 'single':
    case 'multi': {
      const order = permutation(item.id, item.options.length, false);
      const options = order.map((i) => item.options[i]!);
      const answers = options.flatMap((o, i) => (o.correct ? [i] : []));
      return {
        options: options.map((o) => o.text),
        rationales: options.map((o) => o.why),
        answers,
        explanation: answers.map((i) => options[i]!.why).join(' '),
      };
    }
    case 'order': {
      // The steps are written in the right order; they are shown shuffled, never already in order.
      const order = permutation(item.id, item.steps.length, true);
      const options = order.map((i) => item.steps[i]!);
      const answers = item.steps.map((_, step) => order.indexOf(step));
      return {
        options: options.map((o) => o.text),
        rationales: options.map((o) => o.why),
        answers,
        explanation: item.steps.map((s, i) => `${i + 1}. ${s.text}`).join(' → '),
      };
    }
    case 'match': {
      const order = permutation(item.id, item.options.length, false);
      const options = order.map((i) => item.options[i]!);
      const texts = options.map((o) => o.text);
      return {
        options: texts,
        rationales: options.map((o) => o.why),
        prompts: item.prompts.map((p) => p.text),
        answers: item.prompts.map((p) => texts.indexOf(p.answer)),
        explanation: item.prompts.map((p) => `${p.text} → ${p.answer}`).join('\n'),
      };
    }
  }
}

/** One YAML item as the bot plays it (exam tier). `sources` are the quotes at their current lines. */
export function itemToQuestion(
  item: Item,
  sources: SourceQuote[],
  notes: NotesIndex,
  services: string[],
): Question {
  const view = shown(item);
  const first = sources[0];
  const main = item.objectives[0] ?? '';
  return {
    id: item.id,
    type: item.type,
    stem: item.stem,
    options: view.options,
    answers: view.answers,
    explanation: view.explanation,
    source: first
      ? { heading: notes.headingAt(first.line), line: first.line }
      : { heading: BEYOND_HEADING, line: 0 },
    topic: topicOfObjective(main),
    domain: item.domain,
    services,
    tier: 'exam',
    objectives: item.objectives,
    rationales: view.rationales,
    beyond: item.beyond === true,
    ...(item.doc ? { doc: item.doc } : {}),
    sources,
    ...(view.prompts ? { prompts: view.prompts } : {}),
    scenario: item.scenario,
  };
}
