import type { Question } from '../../src/deck/types';

type Core = Omit<Question, 'tier' | 'objectives' | 'rationales' | 'beyond' | 'sources' | 'scenario'> &
  Partial<Question>;

/** A hand-made test question with the tier fields filled in (drill, one rationale per option). */
export function question(core: Core): Question {
  return {
    tier: 'drill',
    objectives: [],
    rationales: core.options.map((o) => `${o}: ${core.explanation}`),
    beyond: false,
    sources: [{ line: core.source.line || 1, quote: 'trecho das notas' }],
    scenario: false,
    ...core,
  };
}
