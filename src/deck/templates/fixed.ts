import type { Draft } from '../draft';
import { seededRandom, shuffled } from '../random';
import type { ExamDomain, Source } from '../types';
import { questionId } from './choice';

export const TRUE_FALSE_OPTIONS = ['Verdadeiro', 'Falso'] as const;

interface Common {
  template: string;
  identity: string;
  ownText: string;
  stem: string;
  explanation: string;
  source: Source;
  topic: string;
  domain: ExamDomain;
  services: string[];
}

export function trueFalseQuestion(spec: Common & { isTrue: boolean }): Draft {
  const id = questionId(spec.template, spec.identity, spec.ownText);
  return {
    question: {
      id,
      type: 'truefalse',
      stem: spec.stem,
      options: [...TRUE_FALSE_OPTIONS],
      answers: [spec.isTrue ? 0 : 1],
      explanation: spec.explanation,
      source: spec.source,
      topic: spec.topic,
      domain: spec.domain,
      services: [...new Set(spec.services)],
    },
    meta: { template: spec.template, optionEntities: [...TRUE_FALSE_OPTIONS], exclusive: false },
  };
}

/** Items are given in the right order; the options show them shuffled (never already in order). */
export function orderQuestion(spec: Common & { items: string[] }): Draft {
  const id = questionId(spec.template, spec.identity, spec.ownText);
  let options = shuffled(spec.items, seededRandom(id));
  if (options.every((o, i) => o === spec.items[i])) options = [...options.slice(1), ...options.slice(0, 1)];
  return {
    question: {
      id,
      type: 'order',
      stem: spec.stem,
      options,
      answers: spec.items.map((item) => options.indexOf(item)),
      explanation: spec.explanation,
      source: spec.source,
      topic: spec.topic,
      domain: spec.domain,
      services: [...new Set(spec.services)],
    },
    meta: { template: spec.template, optionEntities: [...options], exclusive: false },
  };
}
