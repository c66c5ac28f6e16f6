import { Routes, type APIEmbed, type APIMessage, type Client } from 'discord.js';
import type { ActionRow } from './answer-controls';

export interface OutgoingMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: ActionRow[];
}

/**
 * What the daily tick needs from Discord: post in a channel and edit a post. Tests pass a fake; the
 * bot passes {@link discordSender}. Failures are thrown as discord.js errors (DiscordAPIError carries
 * Discord's code, e.g. 50013 missing permissions).
 */
export interface DailySender {
  send(channelId: string, message: OutgoingMessage, nonce: string): Promise<{ messageId: string }>;
  edit(channelId: string, messageId: string, message: OutgoingMessage): Promise<void>;
}

/**
 * Posts through REST by channel id, so a channel missing from the cache is not an error of its own.
 * `enforce_nonce` makes Discord return the existing message when a retry reuses a nonce within a few
 * minutes, which covers a send whose response was lost.
 */
export function discordSender(client: Client): DailySender {
  return {
    async send(channelId, message, nonce) {
      const created = (await client.rest.post(Routes.channelMessages(channelId), {
        body: { ...message, nonce, enforce_nonce: true, allowed_mentions: { parse: [] } },
      })) as APIMessage;
      return { messageId: created.id };
    },
    async edit(channelId, messageId, message) {
      await client.rest.patch(Routes.channelMessage(channelId, messageId), { body: message });
    },
  };
}
