import { asObject } from '../json';
import { unknownChannel, unknownMessage } from '../errors';
import { checkMessageBody, checkNewMessage, hasVisibleContent } from '../message-rules';
import { noContent, ok } from './router';
import type { StandInContext } from '../context';
import type { DiscordError } from '../errors';
import type { StoredMessageImpl } from '../message-store';
import type { StandInChannel } from '../types';
import type { GuildState } from '../world';
import type { Route, RouteRequest, RouteResult } from './router';

// /channels/{id}/... — channel.send, message.edit/delete/fetch, typing, reactions.
// A simulated channel error (setChannelError) or a deleted channel answers every call under the channel.

interface ChannelTarget {
  guild: GuildState;
  channel: StandInChannel;
}

export function channelRoutes(ctx: StandInContext): Route[] {
  const channelFor = (req: RouteRequest): ChannelTarget | DiscordError => {
    const channelId = req.params.channelId ?? '';
    const simulated = ctx.channelErrors.get(channelId);
    if (simulated) {
      return {
        status: simulated.status,
        body: { code: simulated.code, message: simulated.message ?? `Simulated error ${simulated.code}` },
      };
    }
    const found = ctx.world.findChannel(channelId);
    if (!found || ctx.world.deletedChannels.has(channelId)) return unknownChannel();
    return found;
  };

  const messageIn = (target: ChannelTarget, messageId: string): StoredMessageImpl | DiscordError => {
    const message = ctx.store.messages.get(messageId);
    // Ephemeral messages exist only for their user: the channel API never sees them.
    if (!message || message.deleted || message.ephemeral || message.channel_id !== target.channel.id) {
      return unknownMessage();
    }
    return message;
  };

  const inChannel =
    (run: (target: ChannelTarget, req: RouteRequest) => RouteResult) =>
    (req: RouteRequest): RouteResult => {
      const target = channelFor(req);
      return 'body' in target ? target : run(target, req);
    };

  const onMessage = (run: (message: StoredMessageImpl, req: RouteRequest) => RouteResult) =>
    inChannel((target, req) => {
      const message = messageIn(target, req.params.messageId ?? '');
      return 'body' in message ? message : run(message, req);
    });

  const getChannel = inChannel((target) => ok(ctx.world.channelJson(target.guild, target.channel)));

  const send = inChannel((target, req) => {
    const body = asObject(req.body);
    const error = checkNewMessage(body, req.files);
    if (error) return error;
    const message = ctx.store.create({
      channelId: target.channel.id,
      guildId: target.guild.id,
      author: ctx.world.userJson(ctx.botUser, true),
      body,
      files: req.files,
    });
    return ok(message.raw());
  });

  const list = inChannel((target, req) => {
    const limit = Math.min(Math.max(Number(req.query.get('limit') ?? 50) || 50, 1), 100);
    const before = req.query.get('before');
    const after = req.query.get('after');
    const visible = ctx.store
      .channelMessages(target.channel.id)
      .filter((m) => !m.deleted)
      .filter((m) => (before ? BigInt(m.id) < BigInt(before) : true))
      .filter((m) => (after ? BigInt(m.id) > BigInt(after) : true))
      .reverse(); // newest first, as Discord answers
    return ok(visible.slice(0, limit).map((m) => m.raw()));
  });

  const getMessage = onMessage((message) => ok(message.raw()));

  const editMessage = onMessage((message, req) => {
    const body = asObject(req.body);
    const error = checkMessageBody(body, { hasContent: hasVisibleContent(message.preview(body, req.files)) });
    if (error) return error;
    ctx.store.edit(message, body, req.files);
    return ok(message.raw());
  });

  const deleteMessage = onMessage((message) => {
    ctx.store.delete(message);
    return noContent();
  });

  const accept = inChannel(() => noContent());
  const acceptOnMessage = onMessage(() => noContent());

  const base = '/channels/:channelId';
  return [
    { method: 'GET', pattern: base, auth: true, handler: getChannel },
    { method: 'GET', pattern: `${base}/messages`, auth: true, handler: list },
    { method: 'POST', pattern: `${base}/messages`, auth: true, handler: send },
    { method: 'GET', pattern: `${base}/messages/:messageId`, auth: true, handler: getMessage },
    { method: 'PATCH', pattern: `${base}/messages/:messageId`, auth: true, handler: editMessage },
    { method: 'DELETE', pattern: `${base}/messages/:messageId`, auth: true, handler: deleteMessage },
    { method: 'POST', pattern: `${base}/typing`, auth: true, handler: accept },
    {
      method: 'PUT',
      pattern: `${base}/messages/:messageId/reactions/:emoji/@me`,
      auth: true,
      handler: acceptOnMessage,
    },
    {
      method: 'DELETE',
      pattern: `${base}/messages/:messageId/reactions/:emoji/@me`,
      auth: true,
      handler: acceptOnMessage,
    },
  ];
}
