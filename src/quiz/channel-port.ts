import { Routes, type APIMessage, type Client } from 'discord.js';
import type { QuizMessagePayload } from './render';

/** The only Discord calls a round makes: post a message in its channel and edit it later. */
export interface QuizChannelPort {
  send(channelId: string, payload: QuizMessagePayload): Promise<string>;
  edit(channelId: string, messageId: string, payload: QuizMessagePayload): Promise<void>;
}

/**
 * Straight REST calls: they need no channel in the client's cache (a restarted bot edits messages of a
 * round it did not start), and failures come back as DiscordAPIError with Discord's code.
 */
export function restChannelPort(client: Client): QuizChannelPort {
  return {
    async send(channelId, payload) {
      const message = (await client.rest.post(Routes.channelMessages(channelId), {
        body: { ...payload, allowed_mentions: { parse: [] } },
      })) as APIMessage;
      return message.id;
    },
    async edit(channelId, messageId, payload) {
      await client.rest.patch(Routes.channelMessage(channelId, messageId), {
        body: { ...payload, allowed_mentions: { parse: [] } },
      });
    },
  };
}
