import { Events } from 'discord.js';
import type { Client } from 'discord.js';
import { connectClient } from './connect-client';
import type { DiscordStandIn } from '../../src/stand-in';

/**
 * A benchmark floor: a real discord.js client that does nothing but acknowledge every button click with
 * deferUpdate(). Whatever the bot adds on top of this is the bot's own cost.
 */
export function acknowledgeClicks(client: Client): void {
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isButton()) return;
    interaction.deferUpdate().catch((error: unknown) => client.emit(Events.Error, error as Error));
  });
}

/** The floor client logged in to a stand-in in this process. */
export async function startBareAckClient(
  standIn: DiscordStandIn,
): Promise<{ client: Client; stop(): Promise<void> }> {
  const { client } = await connectClient(standIn);
  acknowledgeClicks(client);
  return { client, stop: () => client.destroy() };
}
