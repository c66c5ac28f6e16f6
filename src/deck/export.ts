import type { Deck } from './types';

/**
 * The deck as one JSON document with a fixed key order, so the same notes always give the same bytes.
 * (Keys are written explicitly rather than relying on object insertion order elsewhere.)
 */
export function exportDeck(deck: Deck): string {
  const doc = {
    notesSha256: deck.notesSha256,
    questions: deck.questions.map((q) => ({
      id: q.id,
      type: q.type,
      stem: q.stem,
      options: q.options,
      answers: q.answers,
      explanation: q.explanation,
      source: { heading: q.source.heading, line: q.source.line },
      topic: q.topic,
      domain: q.domain,
      services: q.services,
      tier: q.tier,
      objectives: q.objectives,
      rationales: q.rationales,
      beyond: q.beyond,
      ...(q.doc ? { doc: q.doc } : {}),
      sources: q.sources.map((s) => ({ line: s.line, quote: s.quote })),
      ...(q.prompts ? { prompts: q.prompts } : {}),
      scenario: q.scenario,
    })),
    services: deck.services.map((s) => ({
      name: s.name,
      aliases: s.aliases,
      category: s.category,
      summary: s.summary,
      examTip: s.examTip,
      confusedWith: s.confusedWith,
      sections: s.sections.map((x) => ({ heading: x.heading, line: x.line })),
      questionIds: s.questionIds,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
