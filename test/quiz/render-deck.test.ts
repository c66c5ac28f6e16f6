import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck';
import { orderCandidates } from '../../src/quiz/order-candidates';
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
      new Set(['single', 'multi', 'truefalse', 'order']),
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
      if (q.type === 'order') {
        const { sequences, correctIndex } = orderCandidates(q);
        const keys = new Set(sequences.map((s) => s.join(',')));
        if (keys.size !== sequences.length || sequences.length < 2) problems.push(`${q.id}: candidates`);
        if (sequences.filter((s) => s.join(',') === q.answers.join(',')).length !== 1)
          problems.push(`${q.id}: right one`);
        if (choiceFromComponent(q, { button: correctIndex })?.join(',') !== q.answers.join(','))
          problems.push(`${q.id}: button`);
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
