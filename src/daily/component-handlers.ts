import { MessageFlags } from 'discord.js';
import { replyPrivately } from '../discord/replies';
import { routerMessages } from '../discord/router-messages';
import {
  componentHandler,
  type ComponentHandler,
  type ComponentInteraction,
  type InteractionContext,
} from '../app/context';
import { findServiceBySlug } from '../services/service-search';
import { answerDailyQuestion, type DailyAnswerResult } from './answer-daily';
import {
  dailyAnswerButtonId,
  dailyAnswerSelectId,
  practiceButtonId,
  practiceSelectId,
  testMeId,
} from './custom-ids';
import { dailyMessages } from './messages';
import { answerPractice, pickPracticeQuestion, practiceHeader, renderPracticeQuestion } from './practice';
import { panelHandlers } from '../answers/panel-handlers';
import { dailyPanelIds, practicePanelIds } from './custom-ids';

/** Question of the day: record the first answer, acknowledge it privately. */
async function acknowledgeDaily(
  interaction: ComponentInteraction,
  ctx: InteractionContext,
  result: DailyAnswerResult,
): Promise<void> {
  if (result.status === 'recorded') ctx.log.info({ correct: result.correct }, 'daily answer recorded');
  await replyPrivately(interaction, dailyAnswerText(ctx, result));
}

function dailyAnswerText(ctx: InteractionContext, result: DailyAnswerResult): string {
  const text = dailyMessages(ctx.locale);
  return result.status === 'recorded'
    ? text.answerRecorded(result.choice)
    : result.status === 'duplicate'
      ? text.alreadyAnswered(result.choice)
      : result.status === 'closed'
        ? text.questionClosed
        : result.status === 'gone'
          ? text.questionGone
          : text.badChoice;
}

/** Ordering and matching questions of the day: a private panel per member, opened from the post. */
const dailyPanel = panelHandlers({
  ids: dailyPanelIds,
  question(target, ctx) {
    const post = ctx.stores.dailyPosts.findPost(target.post);
    return post?.kind === 'question' ? ctx.deck.questionById.get(post.subject) : undefined;
  },
  async open(_interaction, target, ctx) {
    const post = ctx.stores.dailyPosts.findPost(target.post);
    return post?.closedAt !== null && post?.closedAt !== undefined
      ? { refuse: dailyMessages(ctx.locale).questionClosed }
      : undefined;
  },
  async submit(interaction, target, choice, ctx) {
    if (!interaction.inGuild()) return routerMessages(ctx.locale).guildOnly;
    const result = answerDailyQuestion(
      ctx,
      ctx.deck,
      { postId: target.post, guildId: interaction.guildId, userId: interaction.user.id, full: choice },
      ctx.env.DEFAULT_TIMEZONE,
      ctx.now(),
    );
    if (result.status === 'recorded') ctx.log.info({ correct: result.correct }, 'daily answer recorded');
    return dailyAnswerText(ctx, result);
  },
});

/** "Test me" ordering and matching: the private question is the panel; submitting shows the result. */
const practicePanel = panelHandlers({
  ids: practicePanelIds,
  question: (target, ctx) => ctx.deck.questionById.get(target.question),
  header: (_target, question, ctx) => practiceHeader(question, ctx.locale),
  async submit(interaction, target, choice, ctx) {
    if (!interaction.inGuild()) return routerMessages(ctx.locale).guildOnly;
    const now = ctx.now();
    const shownAt = interaction.isMessageComponent() ? interaction.message.createdTimestamp : now;
    const result = answerPractice(
      ctx,
      ctx.deck,
      {
        questionId: target.question,
        guildId: interaction.guildId,
        userId: interaction.user.id,
        full: choice,
      },
      ctx.locale,
      shownAt,
      ctx.env.DEFAULT_TIMEZONE,
      now,
    );
    if (result.status !== 'answered') {
      const text = dailyMessages(ctx.locale);
      return result.status === 'gone' ? text.questionGone : text.badChoice;
    }
    return { content: result.content, embeds: result.embeds, components: result.components };
  },
});

const dailyAnswerButton = componentHandler({
  customId: dailyAnswerButtonId,
  async execute(interaction, data, ctx) {
    if (!interaction.inGuild()) return replyPrivately(interaction, routerMessages(ctx.locale).guildOnly);
    const result = answerDailyQuestion(
      ctx,
      ctx.deck,
      { postId: data.post, guildId: interaction.guildId, userId: interaction.user.id, option: data.option },
      ctx.env.DEFAULT_TIMEZONE,
      ctx.now(),
    );
    await acknowledgeDaily(interaction, ctx, result);
  },
});

const dailyAnswerSelect = componentHandler({
  customId: dailyAnswerSelectId,
  async execute(interaction, data, ctx) {
    if (!interaction.inGuild()) return replyPrivately(interaction, routerMessages(ctx.locale).guildOnly);
    if (!interaction.isStringSelectMenu())
      return replyPrivately(interaction, dailyMessages(ctx.locale).badChoice);
    const result = answerDailyQuestion(
      ctx,
      ctx.deck,
      {
        postId: data.post,
        guildId: interaction.guildId,
        userId: interaction.user.id,
        values: interaction.values,
      },
      ctx.env.DEFAULT_TIMEZONE,
      ctx.now(),
    );
    await acknowledgeDaily(interaction, ctx, result);
  },
});

/** "Test me" on a service card: a private question about that service. */
const testMe = componentHandler({
  customId: testMeId,
  async execute(interaction, data, ctx) {
    const text = dailyMessages(ctx.locale);
    const card = findServiceBySlug(ctx.deck.deck.services, data.service);
    if (!card) return replyPrivately(interaction, text.unknownService(data.service, ''));
    const question = pickPracticeQuestion(ctx.deck, card);
    if (!question) return replyPrivately(interaction, text.practiceNone(card.name));
    await interaction.reply({
      ...renderPracticeQuestion(card, question, ctx.locale),
      flags: MessageFlags.Ephemeral,
    });
  },
});

async function handlePractice(
  interaction: ComponentInteraction,
  ctx: InteractionContext,
  questionId: string,
  answer: { option?: number; values?: readonly string[] },
): Promise<void> {
  if (!interaction.inGuild()) return replyPrivately(interaction, routerMessages(ctx.locale).guildOnly);
  const text = dailyMessages(ctx.locale);
  const now = ctx.now();
  const shownAt = interaction.isMessageComponent() ? interaction.message.createdTimestamp : now;
  const result = answerPractice(
    ctx,
    ctx.deck,
    { questionId, guildId: interaction.guildId, userId: interaction.user.id, ...answer },
    ctx.locale,
    shownAt,
    ctx.env.DEFAULT_TIMEZONE,
    now,
  );
  if (result.status !== 'answered') {
    return replyPrivately(interaction, result.status === 'gone' ? text.questionGone : text.badChoice);
  }
  // The question was private: turn it into its own result (controls disabled, so one answer per showing).
  if (interaction.isMessageComponent()) {
    await interaction.update({
      content: result.content,
      embeds: result.embeds,
      components: result.components,
    });
  } else {
    await interaction.reply({
      content: result.content,
      embeds: result.embeds,
      flags: MessageFlags.Ephemeral,
    });
  }
}

const practiceButton = componentHandler({
  customId: practiceButtonId,
  execute: (interaction, data, ctx) =>
    handlePractice(interaction, ctx, data.question, { option: data.option }),
});

const practiceSelect = componentHandler({
  customId: practiceSelectId,
  execute: (interaction, data, ctx) =>
    handlePractice(interaction, ctx, data.question, {
      values: interaction.isStringSelectMenu() ? interaction.values : [],
    }),
});

export const dailyComponentHandlers: ComponentHandler[] = [
  dailyAnswerButton,
  dailyAnswerSelect,
  testMe,
  practiceButton,
  practiceSelect,
  ...dailyPanel,
  ...practicePanel,
];
