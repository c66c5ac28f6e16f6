import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { renderServiceCard } from '../src/daily/service-card';
import { dailyMessages } from '../src/daily/messages';
import { localize } from '../src/discord/localized';
import { replyPrivately } from '../src/discord/replies';
import type { Command } from '../src/app/context';
import { resolveService, serviceChoices, suggestServices } from '../src/services/service-search';

export const serviceCommand = {
  data: localize(
    new SlashCommandBuilder(),
    { 'en-US': 'service', 'pt-BR': 'servico' },
    {
      'en-US': 'The card of one AWS service, with a test-me button',
      'pt-BR': 'A ficha de um serviço da AWS, com o botão Teste-me',
    },
  )
    .setContexts(InteractionContextType.Guild)
    .addStringOption((o) =>
      localize(
        o,
        { 'en-US': 'name', 'pt-BR': 'nome' },
        { 'en-US': 'Service name or alias', 'pt-BR': 'Nome ou apelido do serviço' },
      )
        .setAutocomplete(true)
        .setMaxLength(100)
        .setRequired(true),
    ),
  async execute(interaction, ctx) {
    const input = interaction.options.getString('name', true);
    const card = resolveService(ctx.deck.deck.services, input);
    if (!card) {
      const suggestions = suggestServices(ctx.deck.deck.services, input, 3)
        .map((service) => `**${service.name}**`)
        .join(', ');
      return replyPrivately(
        interaction,
        dailyMessages(ctx.locale).unknownService(input.slice(0, 100), suggestions),
      );
    }
    // A lookup is for whoever asked: private, and "test me" works from a private message too.
    await interaction.reply({ ...renderServiceCard(card, ctx.locale), flags: MessageFlags.Ephemeral });
  },
  async autocomplete(interaction, ctx) {
    await interaction.respond(serviceChoices(ctx.deck.deck.services, interaction.options.getFocused()));
  },
} satisfies Command;
