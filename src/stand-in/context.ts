import type { Gateway } from './gateway';
import type { InteractionRecord } from './interaction-record';
import type { MessageStore, StoredMessageImpl } from './message-store';
import type { ChannelError, StandInUser } from './types';
import type { World } from './world';

/** The shared state REST routes read and change. */
export interface StandInContext {
  world: World;
  store: MessageStore;
  gateway: Gateway;
  applicationId: string;
  botUser: StandInUser;
  ackDeadlineMs: number;
  interactionsById: Map<string, InteractionRecord>;
  interactionsByToken: Map<string, InteractionRecord>;
  channelErrors: Map<string, ChannelError>;
  registeredCommands: Map<string, unknown[]>;
  /** Modals the bot showed (type 9), by custom_id, with the message whose component opened them. */
  shownModals: Map<string, { sourceMessage: StoredMessageImpl | undefined }>;
  gatewayUrl(): string;
  /** `shards` in GET /gateway/bot; unset: one per 1,000 guilds. */
  recommendedShards: number | undefined;
}
