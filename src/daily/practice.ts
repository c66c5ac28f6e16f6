import type { APIEmbed } from 'discord.js';
import type { AnswerStore } from '../answers/answer-store';
import { recordAnswer } from '../answers/record-answer';
import type { WithStores } from '../db/with-stores';
import type { DeckIndex } from '../deck';
import type { Question, ServiceCard } from '../deck/types';
import { ensureGuild } from '../guilds/guild-settings';
import type { Locale } from '../shared/i18n';
import { answerControls, choiceOf, formatChoice, type ActionRow } from './answer-controls';
import { renderQuestionText } from '../deck/render';
import { answeredInPanel } from '../answers/choice';
import { emptyState, renderPanel } from '../answers/panel';
import { truncate } from '../discord/truncate';
import { isCorrectChoice } from '../quiz/scoring';
import { practiceButtonId, practicePanelIds, practiceSelectId } from './custom-ids';
import { explanationEmbed } from './question-post';
import { dailyMessages } from './messages';

/** "Test me": one of the card's questions that is still in the deck, at random; exam items first. */
export function pickPracticeQuestion(
  deck: DeckIndex,
  card: ServiceCard,
  random: () => number = Math.random,
): Question | null {
  const available = card.questionIds
    .map((id) => deck.questionById.get(id))
    .filter((q): q is Question => q !== undefined);
  const exam = available.filter((q) => q.tier === 'exam');
  const pool = exam.length > 0 ? exam : available;
  return pool[Math.floor(random() * pool.length)] ?? null;
}

function controlIds(question: Question) {
  return {
    button: (option: number) => practiceButtonId.encode({ question: question.id, option }),
    select: practiceSelectId.encode({ question: question.id }),
    panel: practicePanelIds.open.encode({ question: question.id }),
  };
}

export function renderPracticeQuestion(
  card: ServiceCard,
  question: Question,
  locale: Locale,
): { content: string; components: ActionRow[] } {
  const intro = practiceHeader(question, locale, card.name);
  // The practice question is private already: ordering and matching are answered right in it.
  if (answeredInPanel(question)) {
    return renderPanel(
      question,
      emptyState(question),
      practicePanelIds,
      { question: question.id },
      locale,
      intro,
    );
  }
  return {
    content: truncate(intro, 2000),
    components: answerControls(question, controlIds(question), locale),
  };
}

/** The private question's text: who it is about, then the question (also above the panel on every redraw). */
export function practiceHeader(
  question: Question,
  locale: Locale,
  service = question.services[0] ?? 'AWS',
): string {
  return `${dailyMessages(locale).practiceIntro(service)}\n\n${renderQuestionText(question, locale)}`;
}

export type PracticeResult =
  | { status: 'answered'; correct: boolean; content: string; embeds: APIEmbed[]; components: ActionRow[] }
  | { status: 'gone' | 'bad-choice' };

/**
 * Records a practice answer (kind 'practice', no points: it counts in the member's stats, not in the
 * race) and renders the private message with the verdict and the explanation.
 */
export function answerPractice(
  data: WithStores<{ answers: AnswerStore }>,
  deck: DeckIndex,
  input: {
    questionId: string;
    guildId: string;
    userId: string;
    option?: number;
    values?: readonly string[];
    full?: readonly number[];
  },
  locale: Locale,
  shownAt: number,
  defaultTimezone: string,
  now: number,
): PracticeResult {
  const question = deck.questionById.get(input.questionId);
  if (!question) return { status: 'gone' };
  const choice = choiceOf(
    question,
    input.option !== undefined
      ? { button: input.option }
      : input.full !== undefined
        ? { full: input.full }
        : { values: input.values ?? [] },
  );
  if (choice === null) return { status: 'bad-choice' };
  const correct = isCorrectChoice(choice, question.answers, question.type);
  ensureGuild(data.db, input.guildId, defaultTimezone, now);
  recordAnswer(data, {
    guildId: input.guildId,
    userId: input.userId,
    questionId: question.id,
    kind: 'practice',
    choice,
    correct,
    responseMs: Math.max(0, now - shownAt),
    points: 0,
    domain: question.domain,
    topic: question.topic,
    answeredAt: now,
  });
  const text = dailyMessages(locale);
  const verdict = correct ? text.practiceRight : text.practiceWrong(formatChoice(question, question.answers));
  const content = truncate(
    [
      renderQuestionText(question, locale),
      '',
      `${verdict} (${formatChoice(question, choice)})`,
      `-# ${text.practiceCounted}`,
    ].join('\n'),
    2000,
  );
  return {
    status: 'answered',
    correct,
    content,
    embeds: [explanationEmbed(question, locale)],
    components: answerControls(question, controlIds(question), locale, { disabled: true, reveal: true }),
  };
}
