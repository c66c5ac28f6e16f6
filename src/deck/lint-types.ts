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
  | 'unofficial-name'
  | 'item'
  | 'about-the-notes'
  | 'template-artifact'
  | 'rationale-restates';

export interface LintFinding {
  rule: LintRule;
  questionId?: string;
  message: string;
}
