import { z } from 'zod';
import { envSchema } from '../env';
import { loadEnvOrExit } from '../app/load-env';
import { createLogger } from '../shared/logger';
import { startSandbox, type RunningSandbox } from './sandbox';

/** The page's usual port; a busy port falls back to a free one (the URL is printed either way). */
export const DEFAULT_SANDBOX_PORT = 5173;

const sandboxEnv = z.object({
  SANDBOX_PORT: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : v),
    z.coerce.number().int().min(0).max(65535).default(DEFAULT_SANDBOX_PORT),
  ),
  SANDBOX_SIMULATED_MEMBERS: z.enum(['on', 'off']).default('on'),
  // The sandbox prints its URL on stdout: keep the JSON logs to warnings unless asked.
  LOG_LEVEL: envSchema.shape.LOG_LEVEL.removeDefault().default('warn'),
  DEFAULT_TIMEZONE: envSchema.shape.DEFAULT_TIMEZONE,
});

function explain(url: string): string {
  return [
    '',
    `  Exam Drill sandbox: ${url}`,
    '',
    '  The real bot is running against a local Discord stand-in in this process; open the page to play a',
    '  study server. Nothing is sent to Discord. To run a real bot, set DISCORD_TOKEN and DISCORD_CLIENT_ID',
    '  in .env (README: "Set up the Discord application"). Stop with Ctrl-C.',
    '',
  ].join('\n');
}

/** The sandbox entry (`npm run sandbox`, and `npm start` without a token). Exits the process when stopped. */
export async function runSandbox(): Promise<never> {
  const env = loadEnvOrExit(sandboxEnv);
  const logger = createLogger(env.LOG_LEVEL);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  let sandbox: RunningSandbox | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'sandbox shutting down');
    await sandbox?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const options = {
    logger,
    defaultTimezone: env.DEFAULT_TIMEZONE,
    simulatedMembers: env.SANDBOX_SIMULATED_MEMBERS === 'on',
  };
  try {
    try {
      sandbox = await startSandbox({ ...options, port: env.SANDBOX_PORT });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      sandbox = await startSandbox({ ...options, port: 0 });
    }
  } catch (error) {
    logger.fatal({ err: error }, error instanceof Error ? error.message : 'sandbox start-up failed');
    process.exit(1);
  }
  if (stopping) await stop('during start-up');
  console.log(explain(sandbox.url));
  // Runs until a signal stops it (stop() exits the process).
  return new Promise<never>(() => {});
}
