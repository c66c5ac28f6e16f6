import { alreadyAcknowledged, invalidFormBody, unknownInteraction } from '../errors';
import { EPHEMERAL, checkMessageBody, hasVisibleContent } from '../message-rules';
import { noContent, ok } from './router';
import type { StandInContext } from '../context';
import type { DiscordError } from '../errors';
import type { InteractionRecord } from '../interaction-record';
import type { StoredMessageImpl } from '../message-store';
import type { Route, RouteRequest, RouteResult } from './router';

type Json = Record<string, unknown>;

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

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function invalidType(type: unknown): DiscordError {
  return invalidFormBody([
    {
      path: ['type'],
      code: 'INTERACTION_RESPONSE_TYPE_INVALID',
      message: `Invalid response type ${String(type)} for this interaction.`,
    },
  ]);
}

function checkAutocomplete(data: Json): DiscordError | null {
  const choices = Array.isArray(data.choices) ? (data.choices as unknown[]) : [];
  const issues = [];
  if (choices.length > 25) {
    issues.push({
      path: ['data', 'choices'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 25 or fewer in length.',
    });
  }
  for (const [i, c] of choices.entries()) {
    if (!isObject(c)) continue;
    const name = typeof c.name === 'string' ? c.name : '';
    if (name.length < 1 || name.length > 100) {
      issues.push({
        path: ['data', 'choices', i, 'name'],
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 100 in length.',
      });
    }
    if (typeof c.value === 'string' && (c.value.length < 1 || c.value.length > 100)) {
      issues.push({
        path: ['data', 'choices', i, 'value'],
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 100 in length.',
      });
    }
  }
  return issues.length ? invalidFormBody(issues) : null;
}

function checkModal(data: Json): DiscordError | null {
  const issues = [];
  const title = typeof data.title === 'string' ? data.title : '';
  if (title.length < 1 || title.length > 45) {
    issues.push({
      path: ['data', 'title'],
      code: 'BASE_TYPE_BAD_LENGTH',
      message: 'Must be between 1 and 45 in length.',
    });
  }
  const customId = typeof data.custom_id === 'string' ? data.custom_id : '';
  if (customId.length < 1 || customId.length > 100) {
    issues.push({
      path: ['data', 'custom_id'],
      code: 'BASE_TYPE_BAD_LENGTH',
      message: 'Must be between 1 and 100 in length.',
    });
  }
  const components = Array.isArray(data.components) ? data.components : [];
  if (components.length < 1 || components.length > 5) {
    issues.push({
      path: ['data', 'components'],
      code: 'BASE_TYPE_BAD_LENGTH',
      message: 'Must be between 1 and 5 in length.',
    });
  }
  return issues.length ? invalidFormBody(issues) : null;
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
      const error = checkMessageBody(data, {
        hasContent: hasVisibleContent({
          content: typeof data.content === 'string' ? data.content : '',
          embeds: Array.isArray(data.embeds) ? data.embeds : [],
          components: Array.isArray(data.components) ? data.components : [],
          attachments: req.files,
        }),
      });
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
    const body = isObject(req.body) ? req.body : {};
    const type = typeof body.type === 'number' ? body.type : -1;
    const data = isObject(body.data) ? body.data : {};
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
