import {
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
  SlashCommandUserOption,
} from 'discord.js';
import { localize } from '../src/discord/localized';
import { replyPrivately } from '../src/discord/replies';
import type { Command } from '../src/app/context';
import { ensureGuild } from '../src/guilds/guild-settings';
import { memberReadiness, renderReadiness } from '../src/readiness/member-readiness';
import { memberStats } from '../src/stats/member-stats';
import { statsMessages } from '../src/stats/messages';
import { renderStats } from '../src/stats/render-stats';

export const statsCommand = {
  data: localize(
    new SlashCommandBuilder(),
    { 'en-US': 'stats', 'pt-BR': 'estatisticas' },
    {
      'en-US': 'Answers, accuracy, streaks and weak spots of a member',
      'pt-BR': 'Respostas, acerto, sequências e pontos fracos de um membro',
    },
  )
    .setContexts(InteractionContextType.Guild)
    .addUserOption(
      localize(
        new SlashCommandUserOption(),
        { 'en-US': 'member', 'pt-BR': 'membro' },
        { 'en-US': 'Whose stats (default: yours)', 'pt-BR': 'De quem (padrão: você)' },
      ),
    ),

  async execute(interaction, ctx) {
    const text = statsMessages(ctx.locale);
    if (!interaction.inGuild()) return replyPrivately(interaction, text.guildOnly);
    const user = interaction.options.getUser('member') ?? interaction.user;
    const now = ctx.now();
    const guild = ensureGuild(ctx.db, interaction.guildId, ctx.env.DEFAULT_TIMEZONE, now);
    const stats = memberStats(ctx.db, {
      guildId: interaction.guildId,
      userId: user.id,
      timeZone: guild.timezone,
      now,
    });
    if (!stats) {
      const message = user.id === interaction.user.id ? text.noAnswersSelf : text.noAnswers(`<@${user.id}>`);
      return replyPrivately(interaction, message);
    }
    const member = { guildId: interaction.guildId, userId: user.id };
    const readiness = renderReadiness(memberReadiness(ctx, ctx.deck, member, now), ctx.locale, now);
    // Weak spots are personal: only the caller sees them. The chart repeats the readiness figures.
    await interaction.reply({
      embeds: [renderStats(stats, user.displayName, ctx.locale), readiness.embed],
      files: [readiness.file],
      flags: MessageFlags.Ephemeral,
    });
  },
} satisfies Command;
