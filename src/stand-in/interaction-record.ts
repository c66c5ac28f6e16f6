import { Waiters } from './waiters';
import type { StoredMessageImpl } from './message-store';
import type { CallbackRecord, InteractionHandle, StandInMember } from './types';
import type { GuildState } from './world';

/** Discord's 15 minutes on an interaction token for edits and follow-ups. */
export const TOKEN_LIFETIME_MS = 15 * 60 * 1000;

/** What the stand-in knows about one dispatched interaction and how the bot answered it. */
export class InteractionRecord {
  firstCallback: CallbackRecord | undefined;
  acknowledged = false;
  /** Response type of the accepted callback (4–9). */
  responseType: number | undefined;
  /** The message `@original` points at once a callback was accepted. */
  originalMessage: StoredMessageImpl | undefined;
  /** Set when `@original` shows the bot's answer (not a loading placeholder, not an untouched message). */
  settledOriginal: StoredMessageImpl | undefined;
  readonly followUps: StoredMessageImpl[] = [];
  readonly callbacks = new Waiters<CallbackRecord>();
  readonly originals = new Waiters<StoredMessageImpl>();
  dispatchedAt = 0;

  constructor(
    readonly id: string,
    readonly token: string,
    readonly type: number,
    readonly guild: GuildState,
    readonly channelId: string,
    readonly member: StandInMember,
    readonly user: Record<string, unknown>,
    readonly commandName: string | undefined,
    /** The message a component (or a modal opened from one) sits on. */
    readonly sourceMessage: StoredMessageImpl | undefined,
  ) {}

  recordFirstCallback(record: CallbackRecord): void {
    if (this.firstCallback) return;
    this.firstCallback = record;
    this.callbacks.notify(record);
  }

  settleOriginal(message: StoredMessageImpl): void {
    this.settledOriginal = message;
    this.originals.notify(message);
  }

  handle(): InteractionHandle {
    const followUps = this.followUps;
    return {
      id: this.id,
      token: this.token,
      dispatchedAt: this.dispatchedAt,
      callback: (timeoutMs) =>
        this.callbacks.wait(() => true, {
          timeoutMs,
          existing: this.firstCallback ? [this.firstCallback] : [],
          what: `the callback of interaction ${this.id}`,
        }),
      original: (timeoutMs) =>
        this.originals.wait(() => true, {
          timeoutMs,
          existing: this.settledOriginal ? [this.settledOriginal] : [],
          what: `the original response of interaction ${this.id}`,
        }),
      get followUps() {
        return [...followUps];
      },
    };
  }
}
