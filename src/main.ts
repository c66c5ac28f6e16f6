import { fileURLToPath } from 'node:url';
import { startBot } from './app/bot';
import { startupMessage } from './host/startup-error';
import { loadEnvOrExit } from './app/load-env';
import { shardManagerPid, startShardManager } from './app/shard-manager';
import { envSchema, type Env } from './env';
import { createLogger } from './shared/logger';
import { sandboxChosen } from './sandbox/choose';

// No bot token: the local sandbox (src/sandbox/), which never returns; a malformed token is not "none".
if (sandboxChosen()) await (await import('./sandbox/run')).runSandbox();

// Three ways to run: one bot process (SHARDS unset), a shard manager (SHARDS set), or one of its
// shards (this file again, started by the manager, which gives it SHARDS=<id> and SHARD_COUNT).
const managerPid = shardManagerPid(process.env);
// In a shard, SHARDS is discord.js's shard id, which its Client reads itself: not our setting.
const env: Env =
  managerPid === undefined
    ? loadEnvOrExit()
    : { ...loadEnvOrExit(envSchema.omit({ SHARDS: true })), SHARDS: undefined };

const rootLogger = createLogger(env.LOG_LEVEL);
const logger =
  managerPid === undefined
    ? rootLogger
    : rootLogger.child({ shard: Number(process.env.SHARDS), pid: process.pid });
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

/** A stop that hangs (a stuck request) must not outlive what systemd or Docker wait before SIGKILL. */
const STOP_DEADLINE_MS = 8000;
/** The manager waits for its shards' own deadline, and a little more. */
const MANAGER_STOP_DEADLINE_MS = STOP_DEADLINE_MS + 1000;

interface Running {
  stop(): Promise<void>;
}

// Handlers go in before start-up, so a stop during start-up (waiting for Discord, resuming rounds)
// still ends cleanly: the abort ends the retry wait, and the bot is stopped as soon as there is one.
let running: Running | undefined;
let stopSignal: string | undefined;
let exitCode = 0;
const starting = new AbortController();
const deadlineMs =
  env.SHARDS !== undefined && managerPid === undefined ? MANAGER_STOP_DEADLINE_MS : STOP_DEADLINE_MS;
const shutdown = async (signal: string, code = 0) => {
  if (stopSignal) return;
  stopSignal = signal;
  exitCode = code;
  starting.abort();
  setTimeout(() => {
    logger.error({ signal }, `did not stop within ${deadlineMs / 1000} s; exiting anyway`);
    process.exit(1);
  }, deadlineMs).unref();
  if (!running) return; // start-up sees stopSignal and stops right after
  logger.info({ signal }, 'shutting down');
  await running.stop();
  process.exit(exitCode);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
// A shard whose manager is gone (killed) stops: a new manager must not find it still running.
if (managerPid !== undefined) process.once('disconnect', () => void shutdown('manager gone'));

function start(): Promise<Running> {
  if (managerPid !== undefined)
    return startBot({ env, logger, signal: starting.signal, lock: { managerPid } });
  if (env.SHARDS !== undefined)
    return startShardManager({
      env,
      logger,
      entryFile: fileURLToPath(import.meta.url),
      signal: starting.signal,
      onShardExit: () => void shutdown('a shard exited', 1),
    }).then((shards) => ({ stop: () => shards.stop(STOP_DEADLINE_MS + 500) }));
  return startBot({ env, logger, signal: starting.signal });
}

try {
  running = await start();
} catch (error) {
  if (stopSignal) {
    logger.info({ signal: stopSignal }, 'stopped during start-up');
    process.exit(exitCode);
  }
  // One line a person can act on; the stack only for those who asked for it.
  const debug = logger.isLevelEnabled('debug');
  logger.fatal(debug ? { err: error } : {}, startupMessage(error));
  process.exit(1);
}
if (stopSignal) {
  logger.info({ signal: stopSignal }, 'shutting down (signal arrived during start-up)');
  await running.stop();
  process.exit(exitCode);
}
