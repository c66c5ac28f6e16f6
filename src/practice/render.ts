import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type APIEmbed } from 'discord.js';
import { answeredInPanel, describeChoice, optionLetter } from '../answers/choice';
import { explainAnswer } from '../answers/explain';
import { emptyState, renderPanel } from '../answers/panel';
import { answerControls, type ActionRow } from '../daily/answer-controls';
import { renderQuestionText } from '../deck/render';
import type { Question } from '../deck/types';
import { truncate } from '../discord/truncate';
import type { Locale } from '../shared/i18n';
import { practiceAnswerId, practiceNextId, practicePanelIds, practiceSelectId } from './custom-ids';
import { practiceMessages } from './messages';
import type { CurrentItem, PracticeAnswer } from './practice';

export interface PracticeView {
  content: string;
  embeds: APIEmbed[];
  components: ActionRow[];
}

/** The text above an item (and above its panel on every redraw). */
export function itemHeader(
  question: Question,
  position: number,
  size: number,
  locale: Locale,
  note = '',
): string {
  const text = practiceMessages(locale);
  return [
    text.header(position + 1, size),
    ...(note ? [`-# ${note}`] : []),
    '',
    renderQuestionText(question, locale),
  ].join('\n');
}

/** One item to answer, or the end of the session. */
export function renderCurrent(current: CurrentItem, locale: Locale, note = ''): PracticeView {
  const text = practiceMessages(locale);
  if (current.kind === 'done') {
    return { content: text.done(current.answered, current.correct), embeds: [], components: [] };
  }
  const { session, item, question } = current;
  const target = { session: session.id, position: item.position };
  const header = itemHeader(question, item.position, session.size, locale, note);
  if (answeredInPanel(question)) {
    return {
      ...renderPanel(question, emptyState(question), practicePanelIds, target, locale, header),
      embeds: [],
    };
  }
  return {
    content: truncate(header, 2000),
    embeds: [],
    components: answerControls(
      question,
      {
        button: (option) => practiceAnswerId.encode({ ...target, option }),
        select: practiceSelectId.encode(target),
        panel: practicePanelIds.open.encode(target),
      },
      locale,
    ),
  };
}

/**
 * What one option teaches: for single and multiple response, the rationale of each option picked and of
 * each right one; for ordering and matching (where every option plays a part) the key's explanation.
 */
function rationaleLines(question: Question, choice: readonly number[], locale: Locale): string[] {
  const text = practiceMessages(locale);
  const why = (i: number) => `**${optionLetter(i)})** ${question.rationales[i] ?? ''}`;
  if (answeredInPanel(question)) {
    const { key, others } = explainAnswer(question, locale);
    return [`**${text.whyRight}**`, key, ...(others ? ['', `**${others.title}**`, others.text] : [])];
  }
  const wrongPicks = choice.filter((i) => !question.answers.includes(i));
  return [
    ...(wrongPicks.length ? [`**${text.whyPicked}**`, ...wrongPicks.map((i) => `❌ ${why(i)}`), ''] : []),
    `**${text.whyRight}**`,
    ...question.answers.map((i) => `✅ ${why(i)}`),
  ];
}

/** The item turned into its result: verdict, rationales, when it comes back, and "Next". */
export function renderAnswered(
  result: Extract<PracticeAnswer, { status: 'answered' }>,
  locale: Locale,
): PracticeView {
  const text = practiceMessages(locale);
  const { question, choice, session } = result;
  const verdict = result.correct ? text.right : text.wrong(describeChoice(question, question.answers));
  const content = [
    text.header(result.position + 1, session.size),
    '',
    truncate(question.stem, 900),
    '',
    verdict,
    text.yourChoice(describeChoice(question, choice)),
    text.comesBack(Math.floor(result.card.due / 1000), text.grades[result.grade] ?? String(result.grade)),
    `-# ${text.progress(result.answered, session.size, result.correctSoFar)}`,
  ].join('\n');
  const explanation: APIEmbed = {
    description: truncate(rationaleLines(question, choice, locale).join('\n'), 4096),
  };
  const next = new ButtonBuilder()
    .setCustomId(practiceNextId.encode({ session: session.id }))
    .setLabel(result.last ? '🏁' : text.next)
    .setStyle(ButtonStyle.Primary);
  return {
    content: truncate(content, 2000),
    embeds: [explanation],
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(next).toJSON()],
  };
}
