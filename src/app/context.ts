import type { Client } from 'discord.js';
import type { Db } from '../db/database';
import type { DeckIndex } from '../deck';
import type { CustomIdDefinition } from '../discord/custom-id';
import {
  componentHandler as eraseIdShape,
  type Command as RoutedCommand,
  type ComponentHandler as RoutedComponentHandler,
  type HandlerContext,
} from '../discord/types';
import type { Env } from '../env';
import type { StandingsRebuilder } from '../leaderboard/standings-rebuilder';
import type { QuizServices } from '../quiz/quiz-services';
import type { Logger } from '../shared/logger';
import type { Stores } from './stores';

/**
 * What every handler and feature can reach: built once by the composition root (src/app/bot.ts) and
 * passed in — no container, no module-level registries. Features put their services here.
 */
export interface AppContext {
  env: Env;
  db: Db;
  deck: DeckIndex;
  logger: Logger;
  client: Client;
  /** Epoch ms; injected so tests can move time. */
  now: () => number;
  /** Whether this process's shards own a guild (always true unsharded): background work filters by it. */
  ownsGuild: (guildId: string) => boolean;
  /** Every slash command the bot routes, in the order /help lists them. */
  commands: readonly Pick<RoutedCommand<never>, 'data'>[];
  /** Every feature's prepared statements, built once for `db` (src/app/stores.ts). */
  stores: Stores;
  /** The queue of time-zone switches (standings rebuilt in the new zone), one per server. */
  standings: StandingsRebuilder;
  quiz: QuizServices;
}

export type { ComponentInteraction } from '../discord/types';

/** Per interaction: the app plus a child logger carrying the interaction's ids, and the member's locale. */
export type InteractionContext = HandlerContext<AppContext>;

export type Command = RoutedCommand<InteractionContext>;
export type ComponentHandler = RoutedComponentHandler<CustomIdDefinition, InteractionContext>;

/** A component handler typed for its own custom_id, listed beside handlers of other id shapes. */
export function componentHandler<D extends CustomIdDefinition>(
  handler: RoutedComponentHandler<D, InteractionContext>,
): ComponentHandler {
  return eraseIdShape(handler) as ComponentHandler;
}
