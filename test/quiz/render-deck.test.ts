import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck';
import { renderPanel } from '../../src/answers/panel';
import { quizPanelIds } from '../../src/quiz/custom-ids';
import { renderQuestion, renderReveal, type RevealedAnswer } from '../../src/quiz/render';
import { choiceFromComponent } from '../../src/quiz/round-rules';
import { messageLimitProblems } from './message-limits';

/** The real deck, built from the shipped notes: every question must be playable as a round message. */
describe('every question of the deck as a quiz message', () => {
  const deck = loadDeck();
  const crowd: RevealedAnswer[] = Array.from({ length: 300 }, (_, i) => ({
    userId: `${300000000000000000n + BigInt(i)}`,
    choice: [0],
    correct: true,
    points: 1500 - i,
    responseMs: i * 10,
  }));

  it('has questions of every type', () => {
    expect(new Set(deck.questions.map((q) => q.type))).toEqual(
      new Set(['single', 'multi', 'order', 'match']),
    );
  });

  it('fits Discord limits open and revealed, in both languages, with a crowd of scorers', () => {
    const problems: string[] = [];
    for (const question of deck.questions) {
      for (const locale of ['pt-BR', 'en-US'] as const) {
        const view = { roundId: 2 ** 40, position: 24, total: 25, question, deadlineAt: Date.now(), locale };
        for (const problem of messageLimitProblems(renderQuestion(view)))
          problems.push(`${question.id} open: ${problem}`);
        for (const problem of messageLimitProblems(renderReveal({ ...view, answers: crowd })))
          problems.push(`${question.id} reveal: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('offers controls that can express the right answer', () => {
    const problems: string[] = [];
    for (const q of deck.questions) {
      if (q.type === 'order' || q.type === 'match') {
        // Answered in the panel: the whole answer goes through as one choice, and the panel fits.
        if (choiceFromComponent(q, { full: q.answers })?.join(',') !== q.answers.join(','))
          problems.push(`${q.id}: panel answer`);
        const panel = renderPanel(
          q,
          q.answers,
          quizPanelIds,
          { roundId: 2 ** 40, position: 24 },
          'pt-BR',
          'x',
        );
        if (panel.components.length > 5) problems.push(`${q.id}: panel rows`);
        if (panel.components.some((row) => row.components.length > 5))
          problems.push(`${q.id}: panel row width`);
      } else if (q.type === 'multi') {
        if (!choiceFromComponent(q, { values: q.answers.map(String) })) problems.push(`${q.id}: menu`);
      } else {
        if (q.options.length > 5) problems.push(`${q.id}: more than 5 option buttons`);
        if (choiceFromComponent(q, { button: q.answers[0]! })?.[0] !== q.answers[0])
          problems.push(`${q.id}: button`);
      }
    }
    expect(problems).toEqual([]);
  });
});
