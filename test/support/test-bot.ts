import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type BotOptions, type RunningBot } from '../../src/app/bot';
import { parseEnv } from '../../src/env';
import type { DiscordStandIn } from '../../src/stand-in';
import { captureLogs } from './log-capture';

export const TEST_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.GtEsT0.test-token-never-logged-0123456789';

export interface TestBot extends RunningBot {
  logs: ReturnType<typeof captureLogs>;
  databasePath: string;
}

/**
 * The real bot (real discord.js Client, real SQLite file with the committed migrations) logged in to the
 * stand-in. Pass `databasePath` to restart on the same file.
 */
export async function startTestBot(
  standIn: DiscordStandIn,
  options: Partial<Omit<BotOptions, 'env' | 'logger'>> & {
    databasePath?: string;
    /** More environment keys, as a host would set them (NOTES_PATH, MOCK_MINUTES, REGISTER_ON_START…). */
    env?: Record<string, string>;
  } = {},
): Promise<TestBot> {
  const databasePath =
    options.databasePath ?? join(mkdtempSync(join(tmpdir(), 'exam-drill-e2e-')), 'bot.sqlite');
  const env = parseEnv({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: standIn.applicationId,
    DATABASE_PATH: databasePath,
    DISCORD_API_URL: standIn.apiUrl,
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const logs = captureLogs('debug');
  const bot = await startBot({
    ...options,
    env,
    logger: logs.logger,
    clientOptions: { waitGuildTimeout: 100, ...options.clientOptions },
  });
  return { ...bot, logs, databasePath };
}

/** Removes the folder of a database file made by startTestBot. */
export function removeTestDatabase(databasePath: string): void {
  rmSync(join(databasePath, '..'), { recursive: true, force: true });
}
