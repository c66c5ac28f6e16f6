import { EmbedBuilder, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { summarizeDeck } from '../src/deck/summary';
import { localize } from '../src/discord/localized';
import type { Command } from '../src/discord/types';
import { deckMessages } from '../src/deck-messages';

export const deckCommand = {
  data: localize(
    new SlashCommandBuilder(),
    { 'en-US': 'deck', 'pt-BR': 'baralho' },
    { 'en-US': "The question deck's figures", 'pt-BR': 'Os números do baralho de perguntas' },
  ),
  async execute(interaction, ctx) {
    const text = deckMessages(ctx.locale);
    const summary = summarizeDeck(ctx.deck.deck);
    const embed = new EmbedBuilder()
      .setTitle(text.title)
      .setDescription(text.description(summary.questions, summary.services, summary.topics))
      .addFields(
        {
          name: text.byDomain,
          value: summary.byDomain.map((d) => text.domainLine(d.domain, d.count, d.share)).join('\n'),
        },
        {
          name: text.byType,
          value: summary.byType.map((t) => `${text.typeName[t.type]}: **${t.count}**`).join('\n'),
        },
        { name: text.notes, value: `\`${summary.notesSha256.slice(0, 16)}…\`` },
      );
    await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral });
  },
} satisfies Command;
