import type { Question } from './types';

/** What lint needs to know beyond the question itself: which entity each option stands for. */
export interface QuestionMeta {
  template: string;
  /** The entity (term or official service name) each option stands for, in option order. */
  optionEntities: string[];
  /** Only one entity fits the stem: no option may overlap the answer (false for e.g. "lower is better"). */
  exclusive: boolean;
}

export interface Draft {
  question: Question;
  meta: QuestionMeta;
}
