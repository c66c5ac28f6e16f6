import type { Draft } from './draft';
import { comparisonQuestions } from './templates/comparison';
import type { TemplateContext } from './templates/context';
import { factQuestions } from './templates/facts';
import { metricQuestions } from './templates/metrics';
import { multiQuestions } from './templates/multi';
import { pipelineQuestions } from './templates/pipeline';

/** Every template, in a fixed order (the order of the deck). */
export function generateDrafts(context: TemplateContext): Draft[] {
  return [
    ...pipelineQuestions(context),
    ...metricQuestions(context),
    ...comparisonQuestions(context),
    ...multiQuestions(context),
    ...factQuestions(context),
  ];
}
