import { startBot, type RunningBot } from './bot';
import { loadEnvOrExit } from './load-env';
import { createLogger } from './logger';
import { sandboxChosen } from './sandbox/choose';

// No bot token: the local sandbox (src/sandbox/), which never returns; a malformed token is not "none".
if (sandboxChosen()) await (await import('./sandbox/run')).runSandbox();

const env = loadEnvOrExit();

const logger = createLogger(env.LOG_LEVEL);
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

// Handlers go in before start-up, so a stop during start-up (resuming rounds can wait on Discord) still
// ends with a clean shutdown as soon as there is a bot to stop.
let bot: RunningBot | undefined;
let stopSignal: string | undefined;
const shutdown = async (signal: string) => {
  if (stopSignal) return;
  stopSignal = signal;
  if (!bot) return; // start-up sees stopSignal and stops right after
  logger.info({ signal }, 'shutting down');
  await bot.stop();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

try {
  bot = await startBot({ env, logger });
} catch (error) {
  logger.fatal({ err: error }, error instanceof Error ? error.message : 'start-up failed');
  process.exit(1);
}
if (stopSignal) {
  logger.info({ signal: stopSignal }, 'shutting down (signal arrived during start-up)');
  await bot.stop();
  process.exit(0);
}
