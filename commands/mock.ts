import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { localize } from '../src/discord/localized';
import { replyPrivately } from '../src/discord/replies';
import type { Command } from '../src/app/context';
import { viewFor } from '../src/mock/component-handlers';
import { MOCK_ITEMS } from '../src/mock/draw';
import { mockMessages } from '../src/mock/messages';
import { startOrResumeMock } from '../src/mock/mock';

export const mockCommand = {
  data: localize(
    new SlashCommandBuilder(),
    { 'en-US': 'mock', 'pt-BR': 'simulado' },
    {
      'en-US': 'A private timed mock exam: 65 items, 90 minutes, scored 100–1000 (estimate)',
      'pt-BR': 'Um simulado privado cronometrado: 65 itens, 90 minutos, nota de 100 a 1000 (estimativa)',
    },
  ).setContexts(InteractionContextType.Guild),
  async execute(interaction, ctx) {
    const text = mockMessages(ctx.locale);
    if (!interaction.inGuild()) return replyPrivately(interaction, text.guildOnly);
    if (ctx.deck.examTier.length < MOCK_ITEMS) return replyPrivately(interaction, text.notEnough);
    const started = startOrResumeMock(
      ctx,
      ctx.deck,
      { guildId: interaction.guildId, userId: interaction.user.id },
      { now: ctx.now(), minutes: ctx.env.MOCK_MINUTES, defaultTimezone: ctx.env.DEFAULT_TIMEZONE },
    );
    // Resuming shows the first unanswered item (or the first one when all are answered).
    const position = started.resumed
      ? Math.max(
          0,
          started.items.findIndex((i) => i.choice === null),
        )
      : 0;
    const view = viewFor(ctx, started, position);
    const note = started.resumed
      ? text.resumed
      : started.closed
        ? text.previousClosed(started.closed.mock.scaledScore ?? 100)
        : '';
    await interaction.reply({
      ...view,
      content: note ? `-# ${note}\n${view.content}`.slice(0, 2000) : view.content,
      flags: MessageFlags.Ephemeral,
    } as never);
  },
} satisfies Command;
