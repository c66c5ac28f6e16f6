import { MessageFlags } from 'discord.js';
import { replyPrivately } from '../discord/router';
import { routerMessages } from '../discord/router-messages';
import {
  componentHandler,
  type ComponentHandler,
  type ComponentInteraction,
  type InteractionContext,
} from '../discord/types';
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
import { answerPractice, pickPracticeQuestion, renderPracticeQuestion } from './practice';

/** Question of the day: record the first answer, acknowledge it privately. */
async function acknowledgeDaily(
  interaction: ComponentInteraction,
  ctx: InteractionContext,
  result: DailyAnswerResult,
): Promise<void> {
  const text = dailyMessages(ctx.locale);
  const content =
    result.status === 'recorded'
      ? text.answerRecorded(result.choice)
      : result.status === 'duplicate'
        ? text.alreadyAnswered(result.choice)
        : result.status === 'closed'
          ? text.questionClosed
          : result.status === 'gone'
            ? text.questionGone
            : text.badChoice;
  if (result.status === 'recorded') ctx.log.info({ correct: result.correct }, 'daily answer recorded');
  await replyPrivately(interaction, content);
}

const dailyAnswerButton = componentHandler({
  customId: dailyAnswerButtonId,
  async execute(interaction, data, ctx) {
    if (!interaction.inGuild()) return replyPrivately(interaction, routerMessages(ctx.locale).guildOnly);
    const result = answerDailyQuestion(
      ctx.db,
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
      ctx.db,
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
    ctx.db,
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
];
