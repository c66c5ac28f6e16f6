import { PermissionFlagsBits, type RepliableInteraction } from 'discord.js';
import { replyPrivately } from '../discord/replies';
import { componentHandler, type InteractionContext } from '../app/context';
import { answerButtonId, answerMenuId, quizPanelIds, stopButtonId } from './custom-ids';
import { panelHandlers } from '../answers/panel-handlers';
import { quizMessages } from './messages';
import { getRound, type RoundRow } from './round-store';
import { canStopRound } from './round-rules';
import type { SubmitInput, SubmitResult } from './submit-answer';

function replyText(result: SubmitResult, ctx: InteractionContext): string {
  const text = quizMessages(ctx.locale);
  switch (result.kind) {
    case 'registered':
      return text.answerRegistered(result.label);
    case 'duplicate':
      return text.alreadyAnswered(result.label);
    case 'closed':
      return text.questionClosed;
    case 'round-over':
      return text.roundOver;
    case 'unknown-round':
      return text.unknownRound;
    case 'invalid':
      return text.invalidChoice;
  }
}

/** The hot path: decide and record in SQLite (group-committed with concurrent clicks), then acknowledge privately. */
async function answer(
  interaction: RepliableInteraction,
  input: Omit<SubmitInput, 'userId'>,
  ctx: InteractionContext,
): Promise<void> {
  const result = await ctx.quiz.answers.submit(ctx.now(), {
    ...input,
    userId: interaction.user.id,
  });
  ctx.log.debug({ roundId: input.roundId, position: input.position, result: result.kind }, 'quiz answer');
  await replyPrivately(interaction, replyText(result, ctx));
}

export const answerButtonHandler = componentHandler({
  customId: answerButtonId,
  execute: (interaction, { roundId, position, option }, ctx) =>
    answer(interaction, { roundId, position, input: { button: option } }, ctx),
});

export const answerMenuHandler = componentHandler({
  customId: answerMenuId,
  execute: (interaction, { roundId, position }, ctx) =>
    answer(
      interaction,
      {
        roundId,
        position,
        input: interaction.isStringSelectMenu() ? { values: interaction.values } : { values: [] },
      },
      ctx,
    ),
});

/**
 * Ordering and matching: "Answer" opens a private panel for the question that is open now; the panel's
 * submit goes through the same path as a click (group-committed, first answer counts).
 */
const panel = panelHandlers({
  ids: quizPanelIds,
  question(target, ctx) {
    const slot = ctx.stores.rounds.slot(target.roundId, target.position);
    return slot ? ctx.deck.questionById.get(slot.questionId) : undefined;
  },
  async open(interaction, target, ctx) {
    const queries = ctx.stores.rounds;
    const round = queries.round(target.roundId);
    const slot = queries.slot(target.roundId, target.position);
    if (!round || !slot) return { refuse: quizMessages(ctx.locale).unknownRound };
    if (round.status !== 'running') return { refuse: quizMessages(ctx.locale).roundOver };
    if (queries.memberChoice(target.roundId, slot.questionId, interaction.user.id) !== undefined)
      return { refuse: quizMessages(ctx.locale).alreadyAnsweredPanel };
    if (
      target.position !== round.currentPosition ||
      slot.revealedAt !== null ||
      (slot.deadlineAt ?? 0) <= ctx.now()
    )
      return { refuse: quizMessages(ctx.locale).questionClosed };
    return undefined;
  },
  header: (target, _question, ctx) => `**${quizMessages(ctx.locale).panelTitle(target.position + 1)}**`,
  async submit(interaction, target, choice, ctx) {
    const result = await ctx.quiz.answers.submit(ctx.now(), {
      roundId: target.roundId,
      position: target.position,
      userId: interaction.user.id,
      input: { full: choice },
    });
    ctx.log.debug({ ...target, result: result.kind }, 'quiz panel answer');
    return replyText(result, ctx);
  },
});

/**
 * Stops a round for /quiz stop and the stop button: only the starter or a member with Manage Messages.
 * The member is answered first; the reveal and the podium follow.
 */
export async function stopRoundFor(
  interaction: RepliableInteraction,
  round: RoundRow | undefined,
  ctx: InteractionContext,
): Promise<void> {
  const text = quizMessages(ctx.locale);
  if (!round) return replyPrivately(interaction, text.unknownRound);
  if (round.status !== 'running') return replyPrivately(interaction, text.alreadyOver);
  const moderator = interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false;
  if (!canStopRound(round.starterId, interaction.user.id, moderator)) {
    return replyPrivately(interaction, text.stopRefused);
  }
  const runner = ctx.quiz.rounds;
  if (!runner) return replyPrivately(interaction, text.unavailable);
  const { stopped, done } = runner.stop(round.id, interaction.user.id);
  ctx.log.info({ roundId: round.id, stopped }, 'quiz round stop requested');
  await replyPrivately(interaction, stopped ? text.stopped : text.alreadyOver);
  await done;
}

export const stopButtonHandler = componentHandler({
  customId: stopButtonId,
  execute: (interaction, { roundId }, ctx) => stopRoundFor(interaction, getRound(ctx.db, roundId), ctx),
});

export const quizComponentHandlers = [answerButtonHandler, answerMenuHandler, stopButtonHandler, ...panel];
