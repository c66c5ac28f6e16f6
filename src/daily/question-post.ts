import type { APIEmbed } from 'discord.js';
import type { Question } from '../deck/types';
import type { Locale } from '../shared/i18n';
import { answerControls, formatChoice, orderCandidates, type ActionRow } from './answer-controls';
import { renderQuestionText } from '../deck/render';
import { explainAnswer } from '../answers/explain';
import { truncate } from '../discord/truncate';
import { answeredInPanel, optionLetter, parseStoredChoice } from '../answers/choice';
import { dailyAnswerButtonId, dailyAnswerSelectId, dailyPanelIds } from './custom-ids';
import { dailyMessages } from './messages';

export interface QuestionMessage {
  content: string;
  embeds?: APIEmbed[];
  components: ActionRow[];
}

/** How the server answered one question of the day. */
export interface DailyTally {
  total: number;
  right: number;
  /** Number of answers per choice, keyed by the stored choice text ('1', '0,3', '2,0,1'). */
  byChoice: Map<string, number>;
}

const CONTENT_MAX = 2000;

/** 'YYYY-MM-DD' → '27/11/2026' (pt-BR) or '2026-11-27' (en-US). */
export function displayDate(localDate: string, locale: Locale): string {
  if (locale === 'en-US') return localDate;
  const [year, month, day] = localDate.split('-');
  return `${day}/${month}/${year}`;
}

function controlIds(postId: number) {
  return {
    button: (option: number) => dailyAnswerButtonId.encode({ post: postId, option }),
    select: dailyAnswerSelectId.encode({ post: postId }),
    panel: dailyPanelIds.open.encode({ post: postId }),
  };
}

export function renderDailyQuestion(question: Question, postId: number, localDate: string): QuestionMessage {
  const text = dailyMessages('pt-BR');
  const content = [
    text.questionOfTheDay(displayDate(localDate, 'pt-BR')),
    '',
    renderQuestionText(question, 'pt-BR'),
    '',
    `-# ${text.questionFooter}`,
  ].join('\n');
  return {
    content: truncate(content, CONTENT_MAX),
    components: answerControls(question, controlIds(postId), 'pt-BR'),
  };
}

/** The message once closed: controls disabled, the right answer marked, counts and the explanation. */
export function renderDailyResult(
  question: Question,
  postId: number,
  localDate: string,
  tally: DailyTally,
): QuestionMessage {
  const text = dailyMessages('pt-BR');
  const counts = countLines(question, tally).map((line) => `• ${line}`);
  const head = [
    text.resultHeading(displayDate(localDate, 'pt-BR')),
    '',
    renderQuestionText(question, 'pt-BR'),
    '',
    text.rightAnswer(formatChoice(question, question.answers)),
    text.shareRight(tally.right, tally.total),
    ...counts,
  ].join('\n');
  return {
    content: truncate(head, CONTENT_MAX),
    // Explanations run to ~800 characters: an embed (4096) keeps them whole next to a long question.
    embeds: [explanationEmbed(question, 'pt-BR')],
    components: answerControls(question, controlIds(postId), 'pt-BR', { disabled: true, reveal: true }),
  };
}

function countLines(question: Question, tally: DailyTally): string[] {
  const text = dailyMessages('pt-BR');
  // Answers built in the panel are whole orders or matchings: the share right above says it all.
  if (answeredInPanel(question)) {
    const old = orderCandidates(question).filter((c) => tally.byChoice.has(c.join(',')));
    if (question.type === 'match' || old.length === 0) return [];
  }
  if (question.type === 'order') {
    return orderCandidates(question).map((candidate) =>
      text.optionCount(formatChoice(question, candidate), tally.byChoice.get(candidate.join(',')) ?? 0),
    );
  }
  // Per option: how many members picked it (a "choose TWO" answer counts for both of its options).
  const perOption = question.options.map(() => 0);
  for (const [choice, count] of tally.byChoice) {
    for (const index of parseStoredChoice(choice)) {
      if (perOption[index] !== undefined) perOption[index] += count;
    }
  }
  return perOption.map((count, i) => text.optionCount(optionLetter(i), count));
}

/** The explanation of a revealed question: why the key is right, then why the others are not. */
export function explanationEmbed(question: Question, locale: Locale): APIEmbed {
  const { key, others } = explainAnswer(question, locale);
  const body = others ? `${key}\n\n**${others.title}**\n${others.text}` : key;
  return { title: dailyMessages(locale).explanationTitle, description: truncate(body, 4096) };
}
