import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  StringSelectMenuBuilder,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from 'discord.js';
import { answeredInPanel, describeChoice, optionLetter } from '../answers/choice';
import { panelMessages } from '../answers/messages';
import type { Question } from '../deck/types';
import type { Locale } from '../shared/i18n';
import { truncate } from '../discord/truncate';
import { orderCandidates as quizOrderCandidates } from '../quiz/order-candidates';
import { choiceFromComponent } from '../quiz/round-rules';

/**
 * Answer controls for one question, shared by the question of the day and "test me":
 * single → one letter button per option; multi → a select of exactly as many options as answers;
 * order and match → an "Answer" button that opens the private panel (src/answers/panel.ts).
 */
export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface ControlIds {
  /** custom_id of the button for option `index`. */
  button(index: number): string;
  /** custom_id of the select menu (multi questions). */
  select: string;
  /** custom_id of the "Answer" button that opens the panel (order and match). */
  panel: string;
}

export const formatChoice = describeChoice;

/**
 * Candidate orderings of an old "pick the sequence" order message: the quiz's own candidates (derived from
 * the question id), so a post made before the panel existed still takes its answers and shows its counts.
 */
export function orderCandidates(question: Question): number[][] {
  return quizOrderCandidates(question).sequences;
}

/** The chosen option indexes of a click, or null when it does not fit the question: the quiz's own rule. */
export const choiceOf = choiceFromComponent;

export function answerControls(
  question: Question,
  ids: ControlIds,
  locale: Locale,
  options: { disabled?: boolean; reveal?: boolean } = {},
): ActionRow[] {
  const panel = panelMessages(locale);
  const disabled = options.disabled ?? false;
  if (answeredInPanel(question)) {
    const label = options.reveal ? `✅ ${formatChoice(question, question.answers)}` : panel.answerButton;
    const button = new ButtonBuilder()
      .setCustomId(ids.panel)
      .setLabel(truncate(label, 80))
      .setDisabled(disabled)
      .setStyle(options.reveal ? ButtonStyle.Success : ButtonStyle.Primary);
    return [new ActionRowBuilder<ButtonBuilder>().addComponents(button).toJSON()];
  }
  if (question.type !== 'multi') {
    const buttons = question.options.map((option, i) =>
      new ButtonBuilder()
        .setCustomId(ids.button(i))
        .setLabel(
          question.type === 'truefalse' ? truncate(`${optionLetter(i)}) ${option}`, 80) : optionLetter(i),
        )
        .setDisabled(disabled)
        .setStyle(
          options.reveal && question.answers.includes(i) ? ButtonStyle.Success : ButtonStyle.Secondary,
        ),
    );
    const rows: ActionRow[] = [];
    for (let i = 0; i < buttons.length; i += 5) {
      rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + 5)).toJSON());
    }
    return rows;
  }
  const count = question.answers.length;
  const select = new StringSelectMenuBuilder()
    .setCustomId(ids.select)
    .setDisabled(disabled)
    .setPlaceholder(panel.selectPlaceholder(count))
    .setMinValues(count)
    .setMaxValues(count)
    .addOptions(
      question.options.map((option, i) => ({
        label: `${optionLetter(i)}) ${truncate(option, 90)}`,
        value: String(i),
      })),
    );
  return [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select).toJSON()];
}
