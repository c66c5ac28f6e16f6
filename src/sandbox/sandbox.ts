import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChannelType, REST, Routes } from 'discord.js';
import { commands } from '../../commands';
import { startBot, type RunningBot } from '../app/bot';
import type { DeckIndex } from '../deck';
import { parseEnv } from '../env';
import type { Logger } from '../shared/logger';
import { startDiscordStandIn, type DiscordStandIn } from '../stand-in';
import { seedCast, type Cast } from './cast';
import { createDailyTrigger } from './daily-trigger';
import { startSimulatedMembers, type SimulatedMembers } from './simulated-members';
import { startSandboxWeb, type SandboxWeb } from './web/server';

export interface SandboxOptions {
  logger: Logger;
  /** The page's port on 127.0.0.1; 0 picks a free one. Default 0. */
  port?: number;
  /** The SQLite file; default a fresh file in a temporary folder, removed on stop. */
  databasePath?: string;
  defaultTimezone?: string;
  /** Simulated members answer rounds (the page can switch them off). Default true. */
  simulatedMembers?: boolean;
  /** The simulated members' dice (who skips, is late, is right, when); default Math.random. */
  simulatedRandom?: () => number;
  /** Defaults to the deck built from the shipped notes. */
  deck?: DeckIndex;
}

export interface RunningSandbox {
  /** The page, e.g. http://127.0.0.1:5173/ */
  url: string;
  standIn: DiscordStandIn;
  bot: RunningBot;
  cast: Cast;
  simulated: SimulatedMembers;
  web: SandboxWeb;
  databasePath: string;
  /** Stops the page, the simulated members, the bot, then the stand-in; safe to call twice. */
  stop(): Promise<void>;
}

export const SANDBOX_GUILD = 'Grupo de estudo AIF-C01 (sandbox)';

/**
 * Runs the real bot — same startBot, commands, SQLite and scheduler — against a Discord stand-in in this
 * process, and serves a page on 127.0.0.1 where a visitor plays members of a study server. Nothing leaves
 * the machine: the client's REST base and gateway both point at the stand-in.
 */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const { logger } = options;
  const ownFolder = options.databasePath ? undefined : mkdtempSync(join(tmpdir(), 'exam-drill-sandbox-'));
  const databasePath = options.databasePath ?? join(ownFolder!, 'sandbox.sqlite');
  const standIn = await startDiscordStandIn({
    guilds: [
      {
        name: SANDBOX_GUILD,
        channels: [
          { name: 'geral', type: ChannelType.GuildText },
          { name: 'quiz', type: ChannelType.GuildText },
        ],
      },
    ],
  });
  const cleanUp: Array<() => Promise<void> | void> = [
    () => standIn.close(),
    () => {
      if (ownFolder) rmSync(ownFolder, { recursive: true, force: true });
    },
  ];
  const runCleanUp = async () => {
    for (const step of cleanUp.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        logger.error({ err: error }, 'sandbox: a stop step failed');
      }
    }
  };

  try {
    const env = parseEnv({
      DISCORD_TOKEN: standIn.token,
      DISCORD_CLIENT_ID: standIn.applicationId,
      DISCORD_API_URL: standIn.apiUrl,
      DATABASE_PATH: databasePath,
      ...(options.defaultTimezone ? { DEFAULT_TIMEZONE: options.defaultTimezone } : {}),
    });
    // What `npm run register` does, into the stand-in: the page's command box reads these definitions.
    await new REST({ api: standIn.apiUrl })
      .setToken(standIn.token)
      .put(Routes.applicationGuildCommands(standIn.applicationId, standIn.guild.id), {
        body: commands.map((command) => command.data.toJSON()),
      });

    const bot = await startBot({
      env,
      logger,
      ...(options.deck ? { deck: options.deck } : {}),
      clientOptions: { waitGuildTimeout: 200 },
    });
    cleanUp.push(() => bot.stop());

    const cast = seedCast(standIn);
    const simulated = startSimulatedMembers({
      standIn,
      db: bot.ctx.db,
      deck: bot.ctx.deck,
      members: cast.simulated,
      logger: logger.child({ feature: 'sandbox-members' }),
      enabled: options.simulatedMembers ?? true,
      random: options.simulatedRandom,
    });
    cleanUp.push(() => simulated.stop());

    const web = await startSandboxWeb({
      port: options.port ?? 0,
      standIn,
      cast,
      simulated,
      triggerDaily: createDailyTrigger(bot.ctx, standIn.guild.id, standIn.guild.textChannelId),
      logger: logger.child({ feature: 'sandbox-web' }),
    });
    cleanUp.push(() => web.close());

    return { url: web.url, standIn, bot, cast, simulated, web, databasePath, stop: runCleanUp };
  } catch (error) {
    await runCleanUp();
    throw error;
  }
}
