import { EmbedBuilder, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { describeCommands } from '../src/discord/command-catalog';
import { localize } from '../src/discord/localized';
import type { Command } from '../src/app/context';
import { helpMessages } from '../src/help/help-messages';

export const helpCommand = {
  data: localize(
    new SlashCommandBuilder(),
    { 'en-US': 'help', 'pt-BR': 'ajuda' },
    { 'en-US': 'What Exam Drill does and its commands', 'pt-BR': 'O que o Exam Drill faz e seus comandos' },
  ),
  async execute(interaction, ctx) {
    const text = helpMessages(ctx.locale);
    const embed = new EmbedBuilder()
      .setTitle(text.title)
      .setDescription(text.intro(ctx.deck.deck.questions.length, ctx.deck.deck.services.length))
      .addFields({ name: text.commandsHeading, value: describeCommands(ctx.commands, ctx.locale).join('\n') })
      .setFooter({ text: text.footer });
    await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral });
  },
} satisfies Command;
