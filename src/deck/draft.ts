import type { Question } from './types';

/** What lint needs to know beyond the question itself: which entity each option stands for. */
export interface QuestionMeta {
  template: string;
  /** The entity (term or official service name) each option stands for, in option order. */
  optionEntities: string[];
  /** Only one entity fits the stem: no option may overlap the answer (false for e.g. "lower is better"). */
  exclusive: boolean;
}

/** A generated question before the build files it in the drill tier and resolves its source passage. */
export type DraftQuestion = Omit<
  Question,
  'tier' | 'objectives' | 'rationales' | 'beyond' | 'doc' | 'sources' | 'prompts' | 'scenario'
> & {
  /** Why each option is right or wrong, when the template knows; otherwise the build derives them. */
  rationales?: string[];
};

export interface Draft {
  question: DraftQuestion;
  meta: QuestionMeta;
}
