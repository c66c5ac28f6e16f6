import { MessageFlags, type RepliableInteraction } from 'discord.js';

/** A private reply that works whatever state the interaction is in (fresh, deferred or answered). */
export async function replyPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
  if (interaction.deferred || interaction.replied) {
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  }
}
