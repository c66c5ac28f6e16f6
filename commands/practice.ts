import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { localize } from '../src/discord/localized';
import { replyPrivately } from '../src/discord/replies';
import type { Command } from '../src/app/context';
import { practiceMessages } from '../src/practice/messages';
import { DEFAULT_SESSION_SIZE, MAX_SESSION_SIZE, startOrResume } from '../src/practice/practice';
import { renderCurrent } from '../src/practice/render';

export const practiceCommand = {
  data: localize(
    new SlashCommandBuilder(),
    { 'en-US': 'practice', 'pt-BR': 'praticar' },
    {
      'en-US': 'A private spaced-repetition session: due items first, then new ones',
      'pt-BR': 'Uma sessão privada de repetição espaçada: primeiro o que vence, depois itens novos',
    },
  )
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((o) =>
      localize(
        o,
        { 'en-US': 'items', 'pt-BR': 'itens' },
        {
          'en-US': `How many items (default ${DEFAULT_SESSION_SIZE})`,
          'pt-BR': `Quantos itens (padrão ${DEFAULT_SESSION_SIZE})`,
        },
      )
        .setMinValue(1)
        .setMaxValue(MAX_SESSION_SIZE),
    ),
  async execute(interaction, ctx) {
    const text = practiceMessages(ctx.locale);
    if (!interaction.inGuild()) return replyPrivately(interaction, text.guildOnly);
    const size = interaction.options.getInteger('items') ?? DEFAULT_SESSION_SIZE;
    const current = startOrResume(
      ctx,
      ctx.deck,
      { guildId: interaction.guildId, userId: interaction.user.id },
      size,
      ctx.now(),
      Math.random,
      ctx.env.DEFAULT_TIMEZONE,
    );
    if (current.kind === 'done' && current.answered === 0)
      return replyPrivately(interaction, text.nothingToPractise);
    const view = renderCurrent(current, ctx.locale, current.resumed ? text.resumed : '');
    await interaction.reply({ ...view, flags: MessageFlags.Ephemeral });
  },
} satisfies Command;
