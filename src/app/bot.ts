import { Client, Events, type ClientOptions } from 'discord.js';
import { commands } from '../../commands';
import { closeDatabase, openDatabase, type Db } from '../db/database';
import { startWalCheckpointer } from '../db/wal-checkpointer';
import { createDeckIndex, loadDeck, type DeckIndex } from '../deck';
import { describeBuild } from '../deck/summary';
import { createInteractionRouter } from '../discord/router';
import { ownsGuildFor } from '../discord/shards';
import { StandingsRebuilder } from '../leaderboard/standings-rebuilder';
import { AnswerBatcher } from '../quiz/answer-batcher';
import { AnswerThread } from '../quiz/answer-thread';
import { botClientOptions } from './client-options';
import { componentHandlers } from './component-list';
import type { AppContext, Command, ComponentHandler } from './context';
import type { Env } from '../env';
import { createFeatures } from './feature-list';
import { createStores } from './stores';
import type { Feature } from './feature';
import { checkRegisteredCommands } from '../host/command-sync';
import { connectWithRetry } from '../host/connect';
import {
  acquireInstanceLock,
  databaseProblem,
  type InstanceLock,
  type LockOptions,
} from '../host/instance-lock';
import { notesProblem } from '../host/notes-problem';
import { tokenUserId } from '../host/token';
import type { Logger } from '../shared/logger';

const DISCORD_API = 'https://discord.com/api';

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
  /** Aborted by a stop signal during start-up: ends the wait for an unreachable Discord. */
  signal?: AbortSignal;
  /** A shard process (src/app/shard-manager.ts): its manager holds the database's lock. */
  lock?: LockOptions;
  /**
   * Decide quiz clicks on a thread with its own connection (answer-thread.ts). By default only in a shard
   * process: there other processes write the same file, and waiting for their write lock would stop the
   * event loop; in a single process the thread measured no faster (bench/click.bench.ts) and costs ~7 MiB.
   */
  answerThread?: boolean;
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
  const inMemory = env.DATABASE_PATH === ':memory:';
  // The lock comes first: a second bot must not even migrate a database another one is using.
  const lock: InstanceLock | undefined = inMemory
    ? undefined
    : acquireInstanceLock(env.DATABASE_PATH, options.lock);
  let db: Db;
  try {
    db = openDatabase(env.DATABASE_PATH);
  } catch (error) {
    lock?.release();
    throw databaseProblem(env.DATABASE_PATH, error);
  }
  let deck: DeckIndex;
  try {
    deck = options.deck ?? createDeckIndex(loadDeck(env.NOTES_PATH));
    // A deck a caller passes in (tests) may be empty on purpose; notes that give nothing are a host's mistake.
    if (!options.deck && deck.deck.questions.length === 0)
      throw new Error(
        'no question could be made from it: the drill tier needs `##` sections with lists of at least four ' +
          '“**Term**: description” entries (see "Bring your own notes" in README.md)',
      );
  } catch (error) {
    closeDatabase(db);
    lock?.release();
    throw notesProblem(env.NOTES_PATH, error);
  }
  const checkpointer = inMemory ? undefined : startWalCheckpointer(db, env.DATABASE_PATH, logger);
  logger.info(
    {
      notes: env.NOTES_PATH ?? 'shipped AIF-C01 notes',
      questions: deck.deck.questions.length,
      services: deck.deck.services.length,
      notesSha256: deck.deck.notesSha256,
    },
    describeBuild(deck.deck),
  );

  const client = new Client({
    ...botClientOptions(),
    ...(env.DISCORD_API_URL ? { rest: { api: env.DISCORD_API_URL } } : {}),
    ...options.clientOptions,
  });
  // The composition root: the one place that knows every feature. Services go on the context here
  // (or, for those that need start-up work, when their feature starts), never in module-level registries.
  const routedCommands = options.commands ?? commands;
  const stores = createStores(db);
  /** Clicks are decided on a thread of their own in a shard process (see BotOptions.answerThread). */
  const answerRecorder = () => {
    const batcher = new AnswerBatcher({ db, stores }, deck.questionById);
    if (inMemory || !(options.answerThread ?? options.lock !== undefined)) return batcher;
    const thread = new AnswerThread({
      path: env.DATABASE_PATH,
      questions: deck.deck.questions,
      logger,
      fallback: batcher,
      autoCheckpoint: !checkpointer,
    });
    checkpointer?.onFallBack(() => thread.checkpointByItself());
    return thread;
  };
  const ctx: AppContext = {
    env,
    db,
    deck,
    logger,
    client,
    now: options.now ?? Date.now,
    ownsGuild: () => true,
    commands: routedCommands,
    stores,
    // Each time-zone switch on a thread of its own, with its own connection (a file database only).
    standings: new StandingsRebuilder(
      { db, stores },
      { checkpointer, ...(inMemory ? {} : { thread: { path: env.DATABASE_PATH, logger } }) },
    ),
    quiz: { answers: answerRecorder() },
  };
  const features = options.features ?? createFeatures();

  client.on(
    Events.InteractionCreate,
    createInteractionRouter(ctx, {
      commands: routedCommands,
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
  /** `quiet` after a failed start: the reason is the line a host needs, not "bot stopped". */
  const stop = async (quiet = false) => {
    if (stopped) return;
    stopped = true;
    // A running time-zone switch ends at its next slice (it resumes at the next start) while the rest stops.
    const rebuildsStopped = ctx.standings.stop();
    for (const feature of [...features].reverse()) {
      try {
        await feature.stop();
      } catch (error) {
        logger.error({ err: error, feature: feature.name }, 'feature failed to stop');
      }
    }
    await client.destroy();
    // Clicks accepted just before the stop still reach the disk before the database closes.
    await ctx.quiz.answers.stop();
    await rebuildsStopped;
    await checkpointer?.stop();
    closeDatabase(db);
    lock?.release();
    if (!quiet) logger.info('bot stopped');
  };

  const tokenUser = tokenUserId(env.DISCORD_TOKEN);
  if (tokenUser && tokenUser !== env.DISCORD_CLIENT_ID)
    logger.warn(
      'DISCORD_TOKEN belongs to bot user %s but DISCORD_CLIENT_ID is %s: for most applications they are the same id, so one of them is probably from another application',
      tokenUser,
      env.DISCORD_CLIENT_ID,
    );

  try {
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await connectWithRetry({
      apiUrl: env.DISCORD_API_URL ?? DISCORD_API,
      token: env.DISCORD_TOKEN,
      logger,
      attemptTimeoutMs: env.CONNECT_TIMEOUT_SECONDS * 1000,
      giveUpAfterMs: env.STARTUP_RETRY_MINUTES * 60_000,
      signal: options.signal,
      login: async () => {
        try {
          await client.login(env.DISCORD_TOKEN);
        } catch (error) {
          // A half-open connection must not linger into the next attempt.
          await client.destroy();
          throw error;
        }
      },
    });
    await ready;
    // discord.js took its shard ids from the options or from ShardingManager's SHARDS/SHARD_COUNT.
    const { shards, shardCount } = client.options;
    if (Array.isArray(shards)) ctx.ownsGuild = ownsGuildFor(shards, shardCount ?? 1);
    const servers = client.guilds.cache.size;
    logger.info(
      { user: client.user?.tag, guilds: servers },
      `Logged in as ${client.user?.tag ?? 'the bot'} in ${servers} ${servers === 1 ? 'server' : 'servers'}`,
    );
    await checkRegisteredCommands({
      rest: client.rest,
      applicationId: env.DISCORD_CLIENT_ID,
      guildId: env.DISCORD_GUILD_ID,
      commands: routedCommands.map((command) => command.data.toJSON()),
      register: env.REGISTER_ON_START,
      logger,
    });
    for (const feature of features) await feature.start(ctx);
    // In the background (minutes on a big server): switches a stop or crash cut short, of our servers.
    void ctx.standings.resumePending(ctx.ownsGuild, logger);
  } catch (error) {
    await stop(true);
    throw error;
  }
  return { client, ctx, stop: () => stop() };
}
