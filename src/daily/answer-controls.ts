import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  StringSelectMenuBuilder,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from 'discord.js';
import type { Question } from '../deck/types';
import type { Locale } from '../i18n';
import { dailyMessages } from './messages';
import { truncate } from '../discord/truncate';
import { orderCandidates as quizOrderCandidates } from '../quiz/order-candidates';
import { optionLetter } from '../quiz/round-rules';
import { isCorrectChoice } from '../quiz/scoring';

/**
 * Answer controls for one question, shared by the question of the day and "test me":
 * single/true-false → one letter button per option; multi ("choose TWO") → a select of exactly two;
 * order → one button per candidate ordering ("B → A → C"). Small stand-ins for the quiz renderers
 * (src/quiz); order candidates are the quiz's own.
 */
export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface ControlIds {
  /** custom_id of the button for option `index`. */
  button(index: number): string;
  /** custom_id of the select menu (multi questions). */
  select: string;
}

export function formatChoice(question: Question, choice: readonly number[]): string {
  return choice.map(optionLetter).join(question.type === 'order' ? ' → ' : ' + ');
}

/**
 * Candidate orderings for an order question: the quiz's own candidates (the right one plus near misses,
 * derived from the question id), so a question looks the same in a round and as question of the day.
 */
export function orderCandidates(question: Question): number[][] {
  return quizOrderCandidates(question).sequences;
}

export function answerControls(
  question: Question,
  ids: ControlIds,
  locale: Locale,
  options: { disabled?: boolean; reveal?: boolean } = {},
): ActionRow[] {
  const text = dailyMessages(locale);
  const disabled = options.disabled ?? false;
  if (question.type !== 'multi') {
    const buttons = buttonChoices(question).map(({ label, right }, i) =>
      new ButtonBuilder()
        .setCustomId(ids.button(i))
        .setLabel(truncate(label, 80))
        .setDisabled(disabled)
        .setStyle(options.reveal && right ? ButtonStyle.Success : ButtonStyle.Secondary),
    );
    const rows: ActionRow[] = [];
    for (let i = 0; i < buttons.length; i += 5) {
      rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + 5)).toJSON());
    }
    return rows;
  }
  const select = new StringSelectMenuBuilder()
    .setCustomId(ids.select)
    .setDisabled(disabled)
    .setPlaceholder(text.chooseTwo)
    .setMinValues(2)
    .setMaxValues(2)
    .addOptions(
      question.options.map((option, i) => ({
        label: `${optionLetter(i)}) ${truncate(option, 90)}`,
        value: String(i),
      })),
    );
  return [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select).toJSON()];
}

/** The chosen option indexes from a select's values, or null when they do not fit the question. */
export function choiceFromSelect(question: Question, values: readonly string[]): number[] | null {
  const inRange = (n: number) => Number.isInteger(n) && n >= 0 && n < question.options.length;
  if (question.type === 'multi') {
    const choice = values.map(Number);
    if (choice.length !== 2 || !choice.every(inRange) || choice[0] === choice[1]) return null;
    return choice.sort((a, b) => a - b);
  }
  return null;
}

/**
 * What each button stands for: an option (single; true/false shows its words, other questions keep
 * short letters because options are long), or a candidate ordering (order).
 */
function buttonChoices(question: Question): { label: string; choice: number[]; right: boolean }[] {
  if (question.type === 'order') {
    return orderCandidates(question).map((candidate) => ({
      label: formatChoice(question, candidate),
      choice: candidate,
      right: isCorrectChoice(candidate, question.answers, question.type),
    }));
  }
  return question.options.map((option, i) => ({
    label: question.type === 'truefalse' ? `${optionLetter(i)}) ${option}` : optionLetter(i),
    choice: [i],
    right: question.answers.includes(i),
  }));
}

export function choiceFromButton(question: Question, option: number): number[] | null {
  if (question.type === 'multi') return null;
  return buttonChoices(question)[option]?.choice ?? null;
}
