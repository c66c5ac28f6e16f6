import { MessageFlags } from 'discord.js';
import type { ChoiceInput } from '../answers/choice';
import { panelHandlers } from '../answers/panel-handlers';
import { replyPrivately } from '../discord/replies';
import {
  componentHandler,
  type ComponentHandler,
  type ComponentInteraction,
  type InteractionContext,
} from '../app/context';
import { practiceAnswerId, practiceNextId, practicePanelIds, practiceSelectId } from './custom-ids';
import { practiceMessages } from './messages';
import { answerPracticeItem, currentItem, type PracticeAnswer } from './practice';
import { itemHeader, renderAnswered, renderCurrent, type PracticeView } from './render';

function refusal(ctx: InteractionContext, result: Exclude<PracticeAnswer, { status: 'answered' }>): string {
  const text = practiceMessages(ctx.locale);
  return result.status === 'already'
    ? text.already
    : result.status === 'not-yours'
      ? text.notYours
      : result.status === 'bad-choice'
        ? text.badChoice
        : text.gone;
}

function answer(
  interaction: ComponentInteraction,
  ctx: InteractionContext,
  target: { session: number; position: number },
  choice: ChoiceInput,
): PracticeAnswer | { status: 'guild-only' } {
  if (!interaction.inGuild()) return { status: 'guild-only' };
  const result = answerPracticeItem(
    ctx,
    ctx.deck,
    {
      sessionId: target.session,
      position: target.position,
      member: { guildId: interaction.guildId, userId: interaction.user.id },
      choice,
    },
    ctx.now(),
  );
  if (result.status === 'answered')
    ctx.log.info(
      { correct: result.correct, grade: result.grade, session: target.session },
      'practice review',
    );
  return result;
}

/** A click on a letter or the multi select: record, then the item turns into its result. */
async function answerAndShow(
  interaction: ComponentInteraction,
  ctx: InteractionContext,
  target: { session: number; position: number },
  choice: ChoiceInput,
): Promise<void> {
  const result = answer(interaction, ctx, target, choice);
  if (result.status === 'guild-only')
    return replyPrivately(interaction, practiceMessages(ctx.locale).guildOnly);
  if (result.status !== 'answered') return replyPrivately(interaction, refusal(ctx, result));
  const view = renderAnswered(result, ctx.locale);
  if (interaction.isMessageComponent()) await interaction.update(view);
  else await interaction.reply({ ...view, flags: MessageFlags.Ephemeral });
}

const answerButton = componentHandler({
  customId: practiceAnswerId,
  execute: (interaction, data, ctx) => answerAndShow(interaction, ctx, data, { button: data.option }),
});

const answerSelect = componentHandler({
  customId: practiceSelectId,
  execute: (interaction, data, ctx) =>
    answerAndShow(interaction, ctx, data, {
      values: interaction.isStringSelectMenu() ? interaction.values : [],
    }),
});

/** Ordering and matching: the shared panel; submit records the review and shows the result in place. */
const panel = panelHandlers({
  ids: practicePanelIds,
  question(target, ctx) {
    const item = ctx.stores.sessions.items(target.session).find((i) => i.position === target.position);
    return item ? ctx.deck.questionById.get(item.questionId) : undefined;
  },
  header(target, question, ctx) {
    const session = ctx.stores.sessions.find(target.session);
    return itemHeader(question, target.position, session?.size ?? 0, ctx.locale);
  },
  async submit(interaction, target, choice, ctx): Promise<string | PracticeView> {
    const result = answer(interaction, ctx, target, { full: choice });
    if (result.status === 'guild-only') return practiceMessages(ctx.locale).guildOnly;
    if (result.status !== 'answered') return refusal(ctx, result);
    return renderAnswered(result, ctx.locale);
  },
});

/** "Next": the session's next unanswered item, or its summary. Works after a restart (all in SQLite). */
const next = componentHandler({
  customId: practiceNextId,
  async execute(interaction, data, ctx) {
    const text = practiceMessages(ctx.locale);
    const session = ctx.stores.sessions.find(data.session);
    if (!session) return replyPrivately(interaction, text.gone);
    if (session.guildId !== interaction.guildId || session.userId !== interaction.user.id)
      return replyPrivately(interaction, text.notYours);
    const view = renderCurrent(currentItem(ctx, ctx.deck, session, ctx.now()), ctx.locale);
    if (interaction.isMessageComponent()) await interaction.update(view);
    else await interaction.reply({ ...view, flags: MessageFlags.Ephemeral });
  },
});

export const practiceComponentHandlers: ComponentHandler[] = [answerButton, answerSelect, next, ...panel];
