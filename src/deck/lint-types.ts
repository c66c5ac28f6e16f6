export type LintRule =
  | 'structure'
  | 'missing-explanation'
  | 'missing-source'
  | 'answer-leak'
  | 'answer-shape'
  | 'duplicate-option'
  | 'multiple-answers'
  | 'too-long'
  | 'order-permutation'
  | 'duplicate-question'
  | 'errata-text'
  | 'unofficial-name';

export interface LintFinding {
  rule: LintRule;
  questionId?: string;
  message: string;
}
