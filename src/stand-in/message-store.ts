import type { Json } from './json';
import { performance } from 'node:perf_hooks';
import { snowflake } from './ids';
import { EPHEMERAL, LOADING } from './message-rules';
import { Waiters } from './waiters';
import type { UploadedFile } from './rest/body';
import type { StoredMessage } from './types';

/** The interaction a webhook message answers, as Discord shows it in `interaction_metadata`. */
export interface MessageInteractionLink {
  id: string;
  type: number;
  user: Json;
  commandName?: string;
  guildId: string;
  interactedMessageId?: string;
}

export interface NewMessage {
  channelId: string;
  guildId: string;
  author: Json;
  body: Json;
  files: UploadedFile[];
  ephemeral?: boolean;
  loading?: boolean;
  applicationId?: string;
  interaction?: MessageInteractionLink;
}

function attachmentJson(file: UploadedFile, id: string, description?: unknown): Json {
  return {
    id,
    filename: file.filename,
    size: file.size,
    url: `http://127.0.0.1/attachments/${id}/${encodeURIComponent(file.filename)}`,
    proxy_url: `http://127.0.0.1/attachments/${id}/${encodeURIComponent(file.filename)}`,
    content_type: file.contentType,
    ...(typeof description === 'string' ? { description } : {}),
  };
}

/** Resolves Discord's `attachments` body field against uploaded `files[n]` and already stored attachments. */
function resolveAttachments(body: Json, files: UploadedFile[], existing: Json[]): Json[] | undefined {
  const requested = Array.isArray(body.attachments) ? (body.attachments as Json[]) : undefined;
  const fromFile = (index: number, description?: unknown): Json | undefined => {
    const file = files.find((f) => f.index === index);
    return file ? attachmentJson(file, snowflake(), description) : undefined;
  };
  if (!requested) {
    if (!files.length) return undefined;
    return [...existing, ...files.map((f) => attachmentJson(f, snowflake()))];
  }
  return requested.flatMap((a) => {
    const kept = existing.find((e) => e.id === String(a.id));
    if (kept) return [kept];
    const created = fromFile(Number(a.id), a.description);
    return created ? [created] : [];
  });
}

export class StoredMessageImpl implements StoredMessage {
  readonly id = snowflake();
  readonly channel_id: string;
  readonly guildId: string;
  content = '';
  embeds: unknown[] = [];
  components: unknown[] = [];
  attachments: Json[] = [];
  flags = 0;
  readonly ephemeral: boolean;
  readonly interactionId?: string;
  readonly edits: Array<{ at: number; body: unknown }> = [];
  deleted = false;
  readonly createdAt = new Date();
  editedAt: Date | null = null;
  private readonly author: Json;
  private readonly applicationId?: string;
  private readonly interaction?: MessageInteractionLink;
  private readonly tts: boolean;

  constructor(input: NewMessage) {
    this.channel_id = input.channelId;
    this.guildId = input.guildId;
    this.author = input.author;
    this.ephemeral = input.ephemeral ?? false;
    this.applicationId = input.applicationId;
    this.interaction = input.interaction;
    this.interactionId = input.interaction?.id;
    this.tts = input.body.tts === true;
    this.applyBody(input.body, input.files);
    if (input.loading) this.flags |= LOADING;
  }

  get loading(): boolean {
    return (this.flags & LOADING) !== 0;
  }

  /** Applies the fields present in a create/edit body, as Discord does on PATCH. */
  applyBody(body: Json, files: UploadedFile[]): void {
    if ('content' in body) this.content = typeof body.content === 'string' ? body.content : '';
    if ('embeds' in body) this.embeds = Array.isArray(body.embeds) ? body.embeds : [];
    if ('components' in body) this.components = Array.isArray(body.components) ? body.components : [];
    if ('flags' in body && typeof body.flags === 'number') this.flags = body.flags & ~LOADING;
    if (this.ephemeral) this.flags |= EPHEMERAL;
    const attachments = resolveAttachments(body, files, this.attachments);
    if (attachments) this.attachments = attachments;
  }

  /** The state as if a body were applied, without changing anything (for validation). */
  preview(
    body: Json,
    files: UploadedFile[],
  ): { content: string; embeds: unknown[]; components: unknown[]; attachments: unknown[] } {
    return {
      content: 'content' in body ? (typeof body.content === 'string' ? body.content : '') : this.content,
      embeds: 'embeds' in body ? (Array.isArray(body.embeds) ? body.embeds : []) : this.embeds,
      components:
        'components' in body ? (Array.isArray(body.components) ? body.components : []) : this.components,
      attachments: resolveAttachments(body, files, this.attachments) ?? this.attachments,
    };
  }

  raw(): Json {
    const json: Json = {
      id: this.id,
      channel_id: this.channel_id,
      author: this.author,
      content: this.content,
      timestamp: this.createdAt.toISOString(),
      edited_timestamp: this.editedAt?.toISOString() ?? null,
      tts: this.tts,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      mention_channels: [],
      attachments: this.attachments,
      embeds: this.embeds,
      components: this.components,
      reactions: [],
      pinned: false,
      type: 0,
      flags: this.flags,
    };
    if (this.applicationId) {
      json.webhook_id = this.applicationId;
      json.application_id = this.applicationId;
    }
    if (this.interaction) {
      const i = this.interaction;
      json.interaction_metadata = {
        id: i.id,
        type: i.type,
        user: i.user,
        authorizing_integration_owners: { '0': i.guildId },
        ...(i.interactedMessageId ? { interacted_message_id: i.interactedMessageId } : {}),
      };
      json.interaction = { id: i.id, type: i.type, name: i.commandName ?? '', user: i.user };
    }
    return json;
  }
}

/** Every message the bot made, in creation order, with waiters on creates and edits. */
export class MessageStore {
  readonly messages = new Map<string, StoredMessageImpl>();
  readonly changes = new Waiters<StoredMessageImpl>();
  private readonly listeners = new Set<(message: StoredMessageImpl) => void>();

  /** Calls `listener` after every create, edit and delete; returns the unsubscribe function. */
  subscribe(listener: (message: StoredMessageImpl) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  create(input: NewMessage): StoredMessageImpl {
    const message = new StoredMessageImpl(input);
    this.messages.set(message.id, message);
    this.changed(message);
    return message;
  }

  edit(message: StoredMessageImpl, body: Json, files: UploadedFile[]): void {
    message.applyBody(body, files);
    message.flags &= ~LOADING;
    message.editedAt = new Date();
    message.edits.push({ at: performance.now(), body });
    this.changed(message);
  }

  delete(message: StoredMessageImpl): void {
    message.deleted = true;
    this.changed(message);
  }

  private changed(message: StoredMessageImpl): void {
    this.changes.notify(message);
    // A listener's failure (e.g. a closed browser stream) must not break the REST route that changed it.
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch {
        // ignored on purpose
      }
    }
  }

  channelMessages(channelId: string): StoredMessageImpl[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId && !m.ephemeral);
  }
}
