import { describe, expect, it } from 'vitest';
import { orderCandidates } from '../../src/daily/answer-controls';
import { isCorrectChoice } from '../../src/quiz/scoring';
import { renderPracticeQuestion } from '../../src/daily/practice';
import { renderDailyQuestion, renderDailyResult } from '../../src/daily/question-post';
import { renderServiceCard } from '../../src/daily/service-card';
import { createDeckIndex, loadDeck } from '../../src/deck';
import { checkNewMessage } from '../../src/stand-in/message-rules';

/** Every card and question of the shipped deck, rendered as the daily posts do, within Discord's limits. */
describe('daily renders of the real deck', () => {
  const deck = createDeckIndex(loadDeck());
  const check = (body: object) => checkNewMessage(body as Record<string, unknown>, []);

  it('every service card (daily and /service, both locales) is a valid message with a test-me button', () => {
    expect(deck.deck.services.length).toBeGreaterThan(0);
    for (const card of deck.deck.services) {
      for (const locale of ['pt-BR', 'en-US'] as const) {
        const message = renderServiceCard(card, locale, { daily: locale === 'pt-BR' });
        expect(check(message), card.name).toBeNull();
        expect(message.components).toHaveLength(card.questionIds.length > 0 ? 1 : 0);
      }
    }
  });

  it('lists each note section once, with every line the service appears on under it', () => {
    const bedrock = deck.servicesByName.get('Amazon Bedrock')!;
    const field = renderServiceCard(bedrock, 'pt-BR').embeds[0]!.fields!.find(
      (f) => f.name === 'Onde está nas anotações',
    )!;
    const entries = field.value.split('\n').map((entry) => /^• (.+) \(linhas? ([\d, ]+)\)$/.exec(entry)!);
    const headings = entries.map((match) => match[1]);
    expect(new Set(headings).size).toBe(headings.length);
    const listed = entries.flatMap((match) => match[2]!.split(', ').map(Number)).sort((a, b) => a - b);
    expect(listed).toEqual(bedrock.sections.map((section) => section.line).sort((a, b) => a - b));
  });

  it('every question as question of the day, its result and as practice is valid and not cut', () => {
    for (const question of deck.deck.questions) {
      const daily = renderDailyQuestion(question, 2_000_000_000, '2026-11-27');
      expect(check(daily), question.id).toBeNull();
      expect(daily.content.endsWith('…'), question.id).toBe(false);
      const tally = { total: 10, right: 4, byChoice: new Map([['0', 6]]) };
      const result = renderDailyResult(question, 2_000_000_000, '2026-11-27', tally);
      expect(check(result), question.id).toBeNull();
      expect(result.content.endsWith('…'), question.id).toBe(false);
      const card = deck.deck.services.find((s) => s.questionIds.includes(question.id));
      if (card) expect(check(renderPracticeQuestion(card, question, 'en-US')), question.id).toBeNull();
      if (question.type === 'order') {
        expect(
          orderCandidates(question).filter((c) => isCorrectChoice(c, question.answers, question.type)),
        ).toHaveLength(1);
      }
    }
  });
});
