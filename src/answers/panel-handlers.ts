import { MessageFlags } from 'discord.js';
import type { Question } from '../deck/types';
import type { CustomIdDefinition, CustomIdValue } from '../discord/custom-id';
import { replyPrivately } from '../discord/replies';
import {
  componentHandler,
  type ComponentHandler,
  type ComponentInteraction,
  type InteractionContext,
} from '../app/context';
import { panelMessages } from './messages';
import {
  applyEdit,
  completeChoice,
  decodeState,
  emptyState,
  renderPanel,
  type PanelEdit,
  type PanelIds,
  type PanelState,
  type PanelView,
  type TargetShape,
} from './panel';
import { routerMessages } from '../discord/router-messages';

export interface PanelFeature<T extends TargetShape> {
  ids: PanelIds<T>;
  /** The question the panel answers, or undefined when it is gone. */
  question(target: CustomIdValue<CustomIdDefinition<T>>, ctx: InteractionContext): Question | undefined;
  /** Opening from the public message: a refusal (closed, already answered) or nothing. */
  open?(
    interaction: ComponentInteraction,
    target: CustomIdValue<CustomIdDefinition<T>>,
    ctx: InteractionContext,
  ): Promise<{ refuse: string } | undefined>;
  /** Shown above the panel on every redraw (the question title, or the whole practice question). */
  header?(target: CustomIdValue<CustomIdDefinition<T>>, question: Question, ctx: InteractionContext): string;
  /** The finished answer; what it returns replaces the panel. */
  submit(
    interaction: ComponentInteraction,
    target: CustomIdValue<CustomIdDefinition<T>>,
    choice: number[],
    ctx: InteractionContext,
  ): Promise<string | (PanelView & { embeds?: unknown[] })>;
}

/**
 * The component handlers of one feature's panel: open (from the public message), pick / match / undo
 * (redraw the private panel with the new state) and submit.
 */
export function panelHandlers<T extends TargetShape>(feature: PanelFeature<T>): ComponentHandler[] {
  const { ids } = feature;
  type Target = CustomIdValue<CustomIdDefinition<T>>;
  const targetOf = (data: Record<string, unknown>) =>
    Object.fromEntries(ids.open.fieldNames.map((k) => [k, data[k]])) as Target;

  const view = (question: Question, state: PanelState, target: Target, ctx: InteractionContext) =>
    renderPanel(question, state, ids, target, ctx.locale, feature.header?.(target, question, ctx) ?? '');

  /** The question and the state a click carries, or a private message saying why not. */
  async function load(
    interaction: ComponentInteraction,
    target: Target,
    stateText: string,
    ctx: InteractionContext,
  ) {
    const question = feature.question(target, ctx);
    const state = question ? decodeState(question, stateText) : null;
    if (!question || !state) {
      await replyPrivately(interaction, routerMessages(ctx.locale).unknownComponent);
      return undefined;
    }
    return { question, state };
  }

  async function edit(
    interaction: ComponentInteraction,
    data: Record<string, unknown> & { state: string },
    ctx: InteractionContext,
    change: (question: Question) => PanelEdit | undefined,
  ) {
    const target = targetOf(data);
    const loaded = await load(interaction, target, data.state, ctx);
    if (!loaded) return;
    const step = change(loaded.question);
    const next = step ? applyEdit(loaded.question, loaded.state, step) : loaded.state;
    if (!interaction.isMessageComponent()) return;
    await interaction.update(view(loaded.question, next, target, ctx));
  }

  return [
    componentHandler({
      customId: ids.open,
      async execute(interaction, data, ctx) {
        const target = targetOf(data);
        const question = feature.question(target, ctx);
        if (!question) return replyPrivately(interaction, routerMessages(ctx.locale).unknownComponent);
        const refusal = await feature.open?.(interaction, target, ctx);
        if (refusal) return replyPrivately(interaction, refusal.refuse);
        await interaction.reply({
          ...view(question, emptyState(question), target, ctx),
          flags: MessageFlags.Ephemeral,
        });
      },
    }),
    componentHandler({
      customId: ids.pick,
      execute: (interaction, data, ctx) =>
        edit(interaction, data, ctx, () => ({ kind: 'pick', option: data.option })),
    }),
    componentHandler({
      customId: ids.match,
      execute: (interaction, data, ctx) =>
        edit(interaction, data, ctx, (question) => {
          const value = interaction.isStringSelectMenu() ? Number(interaction.values[0]) : NaN;
          return Number.isInteger(value) && value >= 0 && value < question.options.length
            ? { kind: 'match', prompt: data.prompt, option: value }
            : undefined;
        }),
    }),
    componentHandler({
      customId: ids.undo,
      execute: (interaction, data, ctx) => edit(interaction, data, ctx, () => ({ kind: 'undo' })),
    }),
    componentHandler({
      customId: ids.submit,
      async execute(interaction, data, ctx) {
        const target = targetOf(data);
        const loaded = await load(interaction, target, data.state, ctx);
        if (!loaded) return;
        const choice = completeChoice(loaded.question, loaded.state);
        if (!choice) return replyPrivately(interaction, panelMessages(ctx.locale).incomplete);
        const result = await feature.submit(interaction, target, choice, ctx);
        const body = typeof result === 'string' ? { content: result, components: [] } : result;
        if (interaction.isMessageComponent())
          await interaction.update(body as Parameters<typeof interaction.update>[0]);
        else await interaction.reply({ ...(body as object), flags: MessageFlags.Ephemeral });
      },
    }),
  ];
}
