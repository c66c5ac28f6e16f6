import type { Draft } from './draft';
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
    ...multiQuestions(context),
    ...factQuestions(context),
  ];
}
