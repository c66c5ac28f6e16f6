import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Client,
  ModalSubmitInteraction,
  SharedSlashCommand,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { Db } from '../db/database';
import type { DeckIndex } from '../deck';
import type { Env } from '../env';
import type { Locale } from '../shared/i18n';
import type { Logger } from '../shared/logger';
import type { CustomIdDefinition, CustomIdValue } from './custom-id';

/** What every handler can reach: built once at start-up and passed in, no container. */
export interface AppContext {
  env: Env;
  db: Db;
  deck: DeckIndex;
  logger: Logger;
  client: Client;
  /** Epoch ms; injected so tests can move time. */
  now: () => number;
}

/** Per interaction: the app plus a child logger carrying the interaction's ids, and the member's locale. */
export interface InteractionContext extends AppContext {
  log: Logger;
  locale: Locale;
}

export interface Command {
  data: SharedSlashCommand;
  execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: InteractionContext): Promise<void>;
}

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

export interface ComponentHandler<D extends CustomIdDefinition = CustomIdDefinition> {
  customId: D;
  execute(interaction: ComponentInteraction, data: CustomIdValue<D>, ctx: InteractionContext): Promise<void>;
}

/** Lets a list hold handlers of different id shapes while each keeps its own typing. */
export function componentHandler<D extends CustomIdDefinition>(
  handler: ComponentHandler<D>,
): ComponentHandler {
  return handler as unknown as ComponentHandler;
}
