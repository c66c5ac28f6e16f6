import { asObject } from '../json';
import { unknownMessage, unknownWebhook } from '../errors';
import { EPHEMERAL, checkMessageBody, checkNewMessage, hasVisibleContent } from '../message-rules';
import { TOKEN_LIFETIME_MS } from '../interaction-record';
import { noContent, ok } from './router';
import type { StandInContext } from '../context';
import type { DiscordError } from '../errors';
import type { InteractionRecord } from '../interaction-record';
import type { StoredMessageImpl } from '../message-store';
import type { Route, RouteRequest, RouteResult } from './router';

// /webhooks/{application}/{token}[/messages/{@original|id}] — editReply, fetchReply, deleteReply, followUp.
// The token works once the interaction was acknowledged, for 15 minutes.

export function webhookRoutes(ctx: StandInContext): Route[] {
  const interactionFor = (req: RouteRequest): InteractionRecord | DiscordError => {
    const record = ctx.interactionsByToken.get(req.params.token ?? '');
    if (!record || req.params.applicationId !== ctx.applicationId) return unknownWebhook();
    if (!record.acknowledged || req.receivedAt - record.dispatchedAt > TOKEN_LIFETIME_MS)
      return unknownWebhook();
    return record;
  };

  const messageFor = (record: InteractionRecord, messageId: string): StoredMessageImpl | DiscordError => {
    const message =
      messageId === '@original'
        ? record.originalMessage
        : [record.originalMessage, ...record.followUps].find((m) => m?.id === messageId);
    if (!message || message.deleted) return unknownMessage();
    return message;
  };

  const withMessage =
    (run: (record: InteractionRecord, message: StoredMessageImpl, req: RouteRequest) => RouteResult) =>
    (req: RouteRequest): RouteResult => {
      const record = interactionFor(req);
      if ('body' in record) return record;
      const message = messageFor(record, req.params.messageId ?? '');
      if ('body' in message) return message;
      return run(record, message, req);
    };

  const edit = withMessage((record, message, req) => {
    const body = asObject(req.body);
    const error = checkMessageBody(body, { hasContent: hasVisibleContent(message.preview(body, req.files)) });
    if (error) return error;
    ctx.store.edit(message, body, req.files);
    if (message === record.originalMessage) record.settleOriginal(message);
    return ok(message.raw());
  });

  const fetch = withMessage((_record, message) => ok(message.raw()));

  const remove = withMessage((_record, message) => {
    ctx.store.delete(message);
    return noContent();
  });

  const followUp = (req: RouteRequest): RouteResult => {
    const record = interactionFor(req);
    if ('body' in record) return record;
    const body = asObject(req.body);
    const original = record.originalMessage;
    // After a deferred reply, the first follow-up fills in the "thinking…" message (keeping its ephemerality).
    if (record.responseType === 5 && original?.loading && !original.deleted) {
      const error = checkMessageBody(body, {
        hasContent: hasVisibleContent(original.preview(body, req.files)),
      });
      if (error) return error;
      ctx.store.edit(original, body, req.files);
      record.settleOriginal(original);
      return req.query.get('wait') === 'true' ? ok(original.raw()) : noContent();
    }
    const flags = typeof body.flags === 'number' ? body.flags : 0;
    const error = checkNewMessage(body, req.files);
    if (error) return error;
    const message = ctx.store.create({
      channelId: record.channelId,
      guildId: record.guild.id,
      author: ctx.world.userJson(ctx.botUser, true),
      body,
      files: req.files,
      ephemeral: (flags & EPHEMERAL) !== 0,
      applicationId: ctx.applicationId,
      interaction: {
        id: record.id,
        type: record.type,
        user: record.user,
        commandName: record.commandName,
        guildId: record.guild.id,
      },
    });
    record.followUps.push(message);
    return req.query.get('wait') === 'true' ? ok(message.raw()) : noContent();
  };

  const base = '/webhooks/:applicationId/:token';
  return [
    { method: 'POST', pattern: base, auth: false, handler: followUp },
    { method: 'GET', pattern: `${base}/messages/:messageId`, auth: false, handler: fetch },
    { method: 'PATCH', pattern: `${base}/messages/:messageId`, auth: false, handler: edit },
    { method: 'DELETE', pattern: `${base}/messages/:messageId`, auth: false, handler: remove },
  ];
}
