import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { commands } from '../commands';
import { closeDatabase, openDatabase } from './db/database';
import { startWalCheckpointer } from './db/wal-checkpointer';
import { createDeckIndex, loadDeck, type DeckIndex } from './deck';
import { componentHandlers } from './discord/components';
import { createInteractionRouter } from './discord/router';
import type { AppContext, Command, ComponentHandler } from './discord/types';
import type { Env } from './env';
import { createFeatures } from './feature-list';
import type { Feature } from './features';
import type { Logger } from './logger';

export interface BotOptions {
  env: Env;
  logger: Logger;
  /** Defaults to the deck built from the shipped notes. */
  deck?: DeckIndex;
  now?: () => number;
  /** Tests lower waitGuildTimeout and the like. */
  clientOptions?: Partial<ClientOptions>;
  features?: Feature[];
  /** The shipped commands and component handlers unless given (tests add failing ones). */
  commands?: readonly Command[];
  components?: readonly ComponentHandler[];
}

export interface RunningBot {
  client: Client;
  ctx: AppContext;
  /** Stops background work, destroys the client and closes the database; safe to call twice. */
  stop(): Promise<void>;
}

/** Opens the database, builds the deck, logs in and resolves once the client is ready. */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { env, logger } = options;
  const db = openDatabase(env.DATABASE_PATH);
  const deck = options.deck ?? createDeckIndex(loadDeck());
  const checkpointer =
    env.DATABASE_PATH === ':memory:' ? undefined : startWalCheckpointer(db, env.DATABASE_PATH, logger);
  logger.info(
    {
      questions: deck.deck.questions.length,
      services: deck.deck.services.length,
      notesSha256: deck.deck.notesSha256,
    },
    'deck loaded',
  );

  const client = new Client({
    // Guilds only: slash commands and buttons need no privileged intents.
    intents: [GatewayIntentBits.Guilds],
    ...(env.DISCORD_API_URL ? { rest: { api: env.DISCORD_API_URL } } : {}),
    ...options.clientOptions,
  });
  const ctx: AppContext = { env, db, deck, logger, client, now: options.now ?? Date.now };
  const features = options.features ?? createFeatures();

  client.on(
    Events.InteractionCreate,
    createInteractionRouter(ctx, {
      commands: options.commands ?? commands,
      components: options.components ?? componentHandlers,
    }),
  );
  // Without an 'error' listener discord.js turns a rejected handler into an uncaught exception.
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ code: event.code, shardId }, 'gateway disconnected'),
  );
  client.on(Events.ShardResume, (shardId) => logger.info({ shardId }, 'gateway resumed'));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const feature of [...features].reverse()) {
      try {
        await feature.stop();
      } catch (error) {
        logger.error({ err: error, feature: feature.name }, 'feature failed to stop');
      }
    }
    await client.destroy();
    await checkpointer?.stop();
    closeDatabase(db);
    logger.info('bot stopped');
  };

  try {
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(env.DISCORD_TOKEN);
    await ready;
    logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'logged in');
    for (const feature of features) await feature.start(ctx);
  } catch (error) {
    await stop();
    throw error;
  }
  return { client, ctx, stop };
}
