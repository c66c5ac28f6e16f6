import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  StringSelectMenuBuilder,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from 'discord.js';
import { z } from 'zod';
import type { Question } from '../deck/types';
import { defineCustomId, idField, type CustomIdDefinition, type CustomIdValue } from '../discord/custom-id';
import { truncate } from '../discord/truncate';
import type { Locale } from '../shared/i18n';
import { optionLetter } from './choice';
import { panelMessages } from './messages';

/**
 * The private answer panel for ordering and matching questions. Its whole state (the steps picked so far,
 * or the option chosen for each prompt) travels in the custom_ids of its own components, so nothing is kept
 * in memory and a click after a restart carries on where it was. Each feature that plays questions makes its
 * own panel ids (with its own target fields: a round question, a daily post, a practice question) and
 * decides what "submit" does.
 */

/** Order: option indexes picked so far ("20"); match: one char per prompt, an index or "-" ("1-0"). */
const stateField = () => z.string().regex(/^[0-9-]{0,5}$/);

export type TargetShape = Record<string, z.ZodType<string | number>>;

export interface PanelIds<T extends TargetShape> {
  /** The public message's "Answer" button: opens a fresh panel. */
  open: CustomIdDefinition<T>;
  /** Order: pick an option as the next step. */
  pick: CustomIdDefinition<
    T & { option: ReturnType<typeof idField.int>; state: ReturnType<typeof stateField> }
  >;
  /** Match: the select of one prompt (the chosen option arrives as the select's value). */
  match: CustomIdDefinition<
    T & { prompt: ReturnType<typeof idField.int>; state: ReturnType<typeof stateField> }
  >;
  undo: CustomIdDefinition<T & { state: ReturnType<typeof stateField> }>;
  submit: CustomIdDefinition<T & { state: ReturnType<typeof stateField> }>;
}

export function definePanelIds<const T extends TargetShape>(prefix: string, target: T): PanelIds<T> {
  return {
    open: defineCustomId(`${prefix}.a`, target),
    pick: defineCustomId(`${prefix}.p`, { ...target, option: idField.int(), state: stateField() }),
    match: defineCustomId(`${prefix}.m`, { ...target, prompt: idField.int(), state: stateField() }),
    undo: defineCustomId(`${prefix}.u`, { ...target, state: stateField() }),
    submit: defineCustomId(`${prefix}.x`, { ...target, state: stateField() }),
  } as PanelIds<T>;
}

export type PanelState = (number | null)[];

export function emptyState(question: Question): PanelState {
  return question.type === 'match' ? (question.prompts ?? []).map(() => null) : [];
}

export function encodeState(state: PanelState): string {
  return state.map((v) => (v === null ? '-' : String(v))).join('');
}

/** The state from a custom_id, or null when it does not fit the question (tampered, or another question). */
export function decodeState(question: Question, text: string): PanelState | null {
  const n = question.options.length;
  const state = [...text].map((c) => (c === '-' ? null : Number(c)));
  if (state.some((v) => v !== null && (v >= n || !Number.isInteger(v)))) return null;
  if (question.type === 'match') return state.length === (question.prompts?.length ?? 0) ? state : null;
  if (question.type === 'order') {
    const picked = state.filter((v): v is number => v !== null);
    return picked.length === state.length && new Set(picked).size === picked.length && picked.length <= n
      ? state
      : null;
  }
  return null;
}

/** The whole answer, once every step is picked or every prompt matched. */
export function completeChoice(question: Question, state: PanelState): number[] | null {
  if (state.some((v) => v === null)) return null;
  const full = state as number[];
  if (question.type === 'order') return full.length === question.options.length ? full : null;
  return full.length === (question.prompts?.length ?? 0) ? full : null;
}

export type PanelEdit =
  { kind: 'pick'; option: number } | { kind: 'match'; prompt: number; option: number } | { kind: 'undo' };

export function applyEdit(question: Question, state: PanelState, edit: PanelEdit): PanelState {
  const next = [...state];
  if (edit.kind === 'undo') {
    if (question.type === 'order') next.pop();
    return next;
  }
  if (edit.kind === 'pick') {
    if (question.type === 'order' && !next.includes(edit.option) && next.length < question.options.length)
      next.push(edit.option);
    return next;
  }
  if (question.type === 'match' && edit.prompt >= 0 && edit.prompt < next.length)
    next[edit.prompt] = edit.option;
  return next;
}

export type PanelRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface PanelView {
  content: string;
  components: PanelRow[];
}

/** The panel as a private message: what is picked so far and the controls to go on. */
export function renderPanel<T extends TargetShape>(
  question: Question,
  state: PanelState,
  ids: PanelIds<T>,
  target: CustomIdValue<CustomIdDefinition<T>>,
  locale: Locale,
  header = '',
): PanelView {
  const text = panelMessages(locale);
  const stateText = encodeState(state);
  const done = completeChoice(question, state) !== null;
  const submit = new ButtonBuilder()
    .setCustomId(ids.submit.encode({ ...target, state: stateText }))
    .setLabel(text.submit)
    .setStyle(ButtonStyle.Success)
    .setDisabled(!done);
  const lines = header ? [header, ''] : [];
  if (question.type === 'order') {
    const picked = state as number[];
    lines.push(text.orderIntro, '', `**${text.yourOrder}:**`);
    question.options.forEach((_, i) => {
      const option = picked[i];
      lines.push(
        option === undefined
          ? `${i + 1}. ${text.empty}`
          : `${i + 1}. **${optionLetter(option)})** ${question.options[option] ?? ''}`,
      );
    });
    const buttons = question.options.map((option, i) =>
      new ButtonBuilder()
        .setCustomId(ids.pick.encode({ ...target, option: i, state: stateText }))
        .setLabel(truncate(`${optionLetter(i)}) ${option}`, 80))
        .setStyle(ButtonStyle.Primary)
        .setDisabled(picked.includes(i)),
    );
    const undo = new ButtonBuilder()
      .setCustomId(ids.undo.encode({ ...target, state: stateText }))
      .setLabel(text.undo)
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(picked.length === 0);
    return {
      content: truncate(lines.join('\n'), 2000),
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(buttons).toJSON(),
        new ActionRowBuilder<ButtonBuilder>().addComponents(undo, submit).toJSON(),
      ],
    };
  }
  lines.push(text.matchIntro);
  const prompts = question.prompts ?? [];
  const selects = prompts.map((prompt, p) =>
    new ActionRowBuilder<StringSelectMenuBuilder>()
      .addComponents(
        new StringSelectMenuBuilder()
          .setCustomId(ids.match.encode({ ...target, prompt: p, state: stateText }))
          .setPlaceholder(truncate(text.itemPlaceholder(p + 1, prompt), 150))
          .addOptions(
            question.options.map((option, i) => ({
              label: truncate(`${optionLetter(i)}) ${option}`, 100),
              value: String(i),
              default: state[p] === i,
            })),
          ),
      )
      .toJSON(),
  );
  return {
    content: truncate(lines.join('\n'), 2000),
    components: [...selects, new ActionRowBuilder<ButtonBuilder>().addComponents(submit).toJSON()],
  };
}
