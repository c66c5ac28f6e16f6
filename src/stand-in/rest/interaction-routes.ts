import { asObject } from '../json';
import type { Json } from '../json';
import { alreadyAcknowledged, invalidFormBody, unknownInteraction } from '../errors';
import { checkAutocomplete, checkModal } from './response-rules';
import { EPHEMERAL, checkMessageBody, checkNewMessage, hasVisibleContent } from '../message-rules';
import { noContent, ok } from './router';
import type { StandInContext } from '../context';
import type { DiscordError } from '../errors';
import type { InteractionRecord } from '../interaction-record';
import type { StoredMessageImpl } from '../message-store';
import type { Route, RouteRequest, RouteResult } from './router';

// POST /interactions/{id}/{token}/callback — Discord's rules: one callback, within the ack deadline.

const Response = {
  ChannelMessage: 4,
  DeferredChannelMessage: 5,
  DeferredUpdate: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

/** Callback types Discord accepts per interaction type (2 command, 3 component, 4 autocomplete, 5 modal). */
const ALLOWED: Record<number, number[]> = {
  2: [4, 5, 9],
  3: [4, 5, 6, 7, 9],
  4: [8],
  5: [4, 5, 6, 7],
};

function invalidType(type: unknown): DiscordError {
  return invalidFormBody([
    {
      path: ['type'],
      code: 'INTERACTION_RESPONSE_TYPE_INVALID',
      message: `Invalid response type ${String(type)} for this interaction.`,
    },
  ]);
}

function createResponseMessage(
  ctx: StandInContext,
  record: InteractionRecord,
  data: Json,
  req: RouteRequest,
  loading: boolean,
): StoredMessageImpl {
  const flags = typeof data.flags === 'number' ? data.flags : 0;
  return ctx.store.create({
    channelId: record.channelId,
    guildId: record.guild.id,
    author: ctx.world.userJson(ctx.botUser, true),
    body: data,
    files: req.files,
    ephemeral: (flags & EPHEMERAL) !== 0,
    loading,
    applicationId: ctx.applicationId,
    interaction: {
      id: record.id,
      type: record.type,
      user: record.user,
      commandName: record.commandName,
      guildId: record.guild.id,
      ...(record.sourceMessage ? { interactedMessageId: record.sourceMessage.id } : {}),
    },
  });
}

/** Validates and applies an accepted callback; returns the message it created or changed, if any. */
function apply(
  ctx: StandInContext,
  record: InteractionRecord,
  type: number,
  data: Json,
  req: RouteRequest,
): { error: DiscordError } | { message?: StoredMessageImpl } {
  switch (type) {
    case Response.ChannelMessage: {
      const error = checkNewMessage(data, req.files);
      if (error) return { error };
      const message = createResponseMessage(ctx, record, data, req, false);
      record.originalMessage = message;
      record.settleOriginal(message);
      return { message };
    }
    case Response.DeferredChannelMessage: {
      // Discord shows a "thinking…" message right away; editReply (or the first follow-up) fills it in.
      const message = createResponseMessage(ctx, record, { flags: data.flags ?? 0 }, req, true);
      record.originalMessage = message;
      return { message };
    }
    case Response.DeferredUpdate:
    case Response.UpdateMessage: {
      const source = record.sourceMessage;
      if (!source) return { error: invalidType(type) };
      record.originalMessage = source;
      if (type === Response.DeferredUpdate) return { message: source };
      const preview = source.preview(data, req.files);
      const error = checkMessageBody(data, { hasContent: hasVisibleContent(preview) });
      if (error) return { error };
      ctx.store.edit(source, data, req.files);
      record.settleOriginal(source);
      return { message: source };
    }
    case Response.AutocompleteResult: {
      const error = checkAutocomplete(data);
      return error ? { error } : {};
    }
    case Response.Modal: {
      const error = checkModal(data);
      if (error) return { error };
      ctx.shownModals.set(String(data.custom_id), { sourceMessage: record.sourceMessage });
      return {};
    }
    default:
      return { error: invalidType(type) };
  }
}

export function interactionRoutes(ctx: StandInContext): Route[] {
  const callback = (req: RouteRequest): RouteResult => {
    const record = ctx.interactionsById.get(req.params.interactionId ?? '');
    if (!record || record.token !== req.params.token) return unknownInteraction();
    const body = asObject(req.body);
    const type = typeof body.type === 'number' ? body.type : -1;
    const data = asObject(body.data);
    const late = req.receivedAt - record.dispatchedAt > ctx.ackDeadlineMs;

    let result: RouteResult;
    let message: StoredMessageImpl | undefined;
    if (record.acknowledged) result = alreadyAcknowledged();
    else if (late) result = unknownInteraction();
    else if (!(ALLOWED[record.type] ?? []).includes(type)) result = invalidType(type);
    else {
      const applied = apply(ctx, record, type, data, req);
      if ('error' in applied) result = applied.error;
      else {
        record.acknowledged = true;
        record.responseType = type;
        message = applied.message;
        result =
          req.query.get('with_response') === 'true'
            ? ok(callbackResponse(record, type, message))
            : noContent();
      }
    }

    record.recordFirstCallback({
      type,
      data: body.data,
      at: req.receivedAt,
      status: result.status,
      ephemeral:
        type === Response.ChannelMessage || type === Response.DeferredChannelMessage
          ? ((typeof data.flags === 'number' ? data.flags : 0) & EPHEMERAL) !== 0
          : (message?.ephemeral ?? false),
    });
    return result;
  };
  return [
    {
      method: 'POST',
      pattern: '/interactions/:interactionId/:token/callback',
      auth: false,
      handler: callback,
    },
  ];
}

/** The `?with_response=true` answer: {interaction, resource}. */
function callbackResponse(
  record: InteractionRecord,
  type: number,
  message: StoredMessageImpl | undefined,
): Json {
  const showsMessage = message && type !== Response.DeferredUpdate;
  return {
    interaction: {
      id: record.id,
      type: record.type,
      activity_instance_id: null,
      response_message_id: showsMessage ? message.id : null,
      response_message_loading: showsMessage ? message.loading : null,
      response_message_ephemeral: showsMessage ? message.ephemeral : null,
    },
    resource: { type, ...(showsMessage ? { message: message.raw() } : {}) },
  };
}
