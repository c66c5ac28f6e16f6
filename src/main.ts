import { startBot, type RunningBot } from './app/bot';
import { startupMessage } from './host/startup-error';
import { loadEnvOrExit } from './app/load-env';
import { createLogger } from './shared/logger';
import { sandboxChosen } from './sandbox/choose';

// No bot token: the local sandbox (src/sandbox/), which never returns; a malformed token is not "none".
if (sandboxChosen()) await (await import('./sandbox/run')).runSandbox();

const env = loadEnvOrExit();

const logger = createLogger(env.LOG_LEVEL);
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

/** A stop that hangs (a stuck request) must not outlive what systemd or Docker wait before SIGKILL. */
const STOP_DEADLINE_MS = 8000;

// Handlers go in before start-up, so a stop during start-up (waiting for Discord, resuming rounds)
// still ends cleanly: the abort ends the retry wait, and the bot is stopped as soon as there is one.
let bot: RunningBot | undefined;
let stopSignal: string | undefined;
const starting = new AbortController();
const shutdown = async (signal: string) => {
  if (stopSignal) return;
  stopSignal = signal;
  starting.abort();
  setTimeout(() => {
    logger.error({ signal }, `did not stop within ${STOP_DEADLINE_MS / 1000} s; exiting anyway`);
    process.exit(1);
  }, STOP_DEADLINE_MS).unref();
  if (!bot) return; // start-up sees stopSignal and stops right after
  logger.info({ signal }, 'shutting down');
  await bot.stop();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

try {
  bot = await startBot({ env, logger, signal: starting.signal });
} catch (error) {
  if (stopSignal) {
    logger.info({ signal: stopSignal }, 'stopped during start-up');
    process.exit(0);
  }
  // One line a person can act on; the stack only for those who asked for it.
  const debug = logger.isLevelEnabled('debug');
  logger.fatal(debug ? { err: error } : {}, startupMessage(error));
  process.exit(1);
}
if (stopSignal) {
  logger.info({ signal: stopSignal }, 'shutting down (signal arrived during start-up)');
  await bot.stop();
  process.exit(0);
}
