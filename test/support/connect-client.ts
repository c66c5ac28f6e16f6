import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Interaction } from 'discord.js';
import type { DiscordStandIn } from '../../src/stand-in';

/**
 * Logs a real discord.js client in to the stand-in and waits for its own clientReady. Client errors are
 * collected (an `error` listener must exist or a rejected handler ends the process).
 */
export async function connectClient(standIn: DiscordStandIn): Promise<{ client: Client; errors: Error[] }> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: standIn.apiUrl },
    waitGuildTimeout: 100,
  });
  const errors: Error[] = [];
  client.on(Events.Error, (error) => errors.push(error));
  const ready = once(client, Events.ClientReady);
  await client.login(standIn.token);
  await ready;
  await standIn.waitForClientReady();
  return { client, errors };
}

/** The next interaction the client receives. */
export function nextInteraction(client: Client, timeoutMs = 5_000): Promise<Interaction> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(Events.InteractionCreate, onInteraction);
      reject(new Error(`no interactionCreate within ${timeoutMs} ms`));
    }, timeoutMs);
    const onInteraction = (interaction: Interaction): void => {
      clearTimeout(timer);
      client.off(Events.InteractionCreate, onInteraction);
      resolve(interaction);
    };
    client.on(Events.InteractionCreate, onInteraction);
  });
}
