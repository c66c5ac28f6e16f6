import type { Draft } from './draft';
import type { TemplateContext } from './templates/context';
import { factQuestions } from './templates/facts';

/** Every template, in a fixed order (the order of the deck). */
export function generateDrafts(context: TemplateContext): Draft[] {
  return [...factQuestions(context)];
}
