import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { ShardingManager, type Shard } from 'discord.js';
import { closeDatabase, openDatabase } from '../db/database';
import type { Env } from '../env';
import { abortableSleep as sleep, connectWithRetry } from '../host/connect';
import { acquireInstanceLock, databaseProblem } from '../host/instance-lock';
import type { Logger } from '../shared/logger';

const DISCORD_API = 'https://discord.com/api';

/** What the manager puts in its shards' environment: its pid (see LockOptions in src/host/instance-lock.ts). */
export const SHARD_MANAGER_PID_ENV = 'EXAM_DRILL_SHARD_MANAGER_PID';

/** Discord lets one shard IDENTIFY per 5 s (max_concurrency 1): discord.js's own spacing. */
export const SHARD_SPAWN_DELAY_MS = 5500;

/** In a shard process: its manager's pid; undefined in a bot that runs alone. */
export function shardManagerPid(source: Record<string, string | undefined>): number | undefined {
  const value = source[SHARD_MANAGER_PID_ENV];
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

export interface ShardManagerOptions {
  /** SHARDS is set. */
  env: Env;
  logger: Logger;
  /** The bot's entry file, run once per shard (src/main.ts). */
  entryFile: string;
  /** Aborted by a stop signal: no further shard is started. */
  signal?: AbortSignal;
  /** A shard process ended on its own after start-up (a crash): the caller stops the rest. */
  onShardExit: (shardId: number, code: number | null) => void;
  spawnDelayMs?: number;
}

export interface RunningShards {
  totalShards: number;
  /** SIGTERM to every shard (each stops cleanly: rounds stay in SQLite), then the lock goes. */
  stop(deadlineMs: number): Promise<void>;
}

/**
 * The sharded bot: this process holds the database's instance lock and migrates it once, then starts
 * one process per shard with discord.js's ShardingManager, one after the other (each waits until the
 * previous shard's client is ready). The shards share the SQLite file (WAL) under the manager's lock.
 * No respawn: a shard that dies takes the bot down with exit 1 (systemd or Docker start it again), as
 * a single process would.
 */
export async function startShardManager(options: ShardManagerOptions): Promise<RunningShards> {
  const { env, logger } = options;
  const lock = acquireInstanceLock(env.DATABASE_PATH);
  try {
    // Migrations run here, once, before any shard opens the file.
    closeDatabase(openDatabase(env.DATABASE_PATH));
  } catch (error) {
    lock.release();
    throw databaseProblem(env.DATABASE_PATH, error);
  }
  let manager: ShardingManager | undefined;
  let started = false;
  let stopping = false;

  // Shard's own exit listener (added at fork) runs first; during start-up its failed ready wait reports.
  const watch = (shard: Shard) =>
    shard.on('spawn', (child) => {
      // mode 'process': a ChildProcess, never a Worker.
      (child as ChildProcess).once('exit', (code) => {
        if (!started || stopping) return;
        logger.error({ shardId: shard.id, code }, `shard ${shard.id} exited (code ${code})`);
        options.onShardExit(shard.id, code);
      });
    });

  let totalShards = 1;
  try {
    totalShards =
      env.SHARDS === 'auto' ? await recommendedShardCount(env, logger, options.signal) : (env.SHARDS ?? 1);
    logger.info({ totalShards }, `Starting ${totalShards} ${totalShards === 1 ? 'shard' : 'shards'}`);
    // Shard#env copies process.env when a shard is created.
    process.env[SHARD_MANAGER_PID_ENV] = String(process.pid);
    manager = new ShardingManager(options.entryFile, {
      totalShards,
      token: env.DISCORD_TOKEN,
      mode: 'process',
      respawn: false,
      // The same loader (tsx) as this process.
      execArgv: process.execArgv,
    });
    manager.on('shardCreate', watch);
    await spawnAll(manager, totalShards, options);
    started = true;
    if (!options.signal?.aborted) logger.info({ totalShards }, `All ${totalShards} shards are ready`);
  } catch (error) {
    stopping = true;
    if (manager) await stopShards(manager, 8000);
    lock.release();
    throw error;
  }

  return {
    totalShards,
    async stop(deadlineMs) {
      stopping = true;
      if (manager) await stopShards(manager, deadlineMs);
      lock.release();
    },
  };
}

async function spawnAll(
  manager: ShardingManager,
  totalShards: number,
  options: ShardManagerOptions,
): Promise<void> {
  const { signal } = options;
  // Start-up may wait for an unreachable Discord; the ready wait must outlast it.
  const readyTimeoutMs = (options.env.STARTUP_RETRY_MINUTES + 2) * 60_000;
  const aborted = new Promise<'aborted'>((resolve) => {
    if (signal?.aborted) resolve('aborted');
    signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  for (let id = 0; id < totalShards; id += 1) {
    if (id > 0) await sleep(options.spawnDelayMs ?? SHARD_SPAWN_DELAY_MS, signal);
    if (signal?.aborted) return;
    const ready = manager
      .createShard(id)
      .spawn(readyTimeoutMs)
      .then(
        () => 'ready' as const,
        (error: unknown) => shardStartError(error, id, totalShards),
      );
    // A stop signal ends the wait; the shard is then stopped with the others.
    const outcome = await Promise.race([ready, aborted]);
    if (outcome === 'aborted') return;
    if (outcome instanceof Error) throw outcome;
    options.logger.info({ shardId: id, totalShards }, `shard ${id} of ${totalShards} is ready`);
  }
}

function shardStartError(error: unknown, id: number, totalShards: number): Error {
  if ((error as { code?: string }).code === 'ShardingReadyDied')
    return new Error(
      `shard ${id} of ${totalShards} exited during start-up; its own log line above says why`,
      {
        cause: error,
      },
    );
  return error instanceof Error ? error : new Error(String(error));
}

/** SIGTERM to every shard still running, then waits for them; a shard past the deadline is killed. */
async function stopShards(manager: ShardingManager, deadlineMs: number): Promise<void> {
  const children = [...manager.shards.values()]
    .map((shard) => shard.process)
    .filter((child): child is ChildProcess => child !== null && child.exitCode === null && !child.signalCode);
  const exited = children.map((child) => once(child, 'exit'));
  for (const child of children) child.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const child of children) if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
  }, deadlineMs);
  await Promise.all(exited);
  clearTimeout(timer);
}

/**
 * SHARDS=auto: Discord's recommended count, from GET /gateway/bot at DISCORD_API_URL (discord.js's own
 * `fetchRecommendedShardCount` always asks discord.com, whatever the REST base). Retried like the login.
 */
async function recommendedShardCount(env: Env, logger: Logger, signal?: AbortSignal): Promise<number> {
  const apiUrl = env.DISCORD_API_URL ?? DISCORD_API;
  let shards = 1;
  await connectWithRetry({
    apiUrl,
    token: env.DISCORD_TOKEN,
    logger,
    attemptTimeoutMs: env.CONNECT_TIMEOUT_SECONDS * 1000,
    giveUpAfterMs: env.STARTUP_RETRY_MINUTES * 60_000,
    signal,
    login: async () => {
      const response = await fetch(`${apiUrl.replace(/\/$/, '')}/v10/gateway/bot`, {
        headers: { authorization: `Bot ${env.DISCORD_TOKEN}` },
        signal: AbortSignal.timeout(env.CONNECT_TIMEOUT_SECONDS * 1000),
      });
      if (!response.ok) throw new Error(`GET /gateway/bot answered ${response.status}`);
      const body = (await response.json()) as { shards?: unknown };
      if (typeof body.shards !== 'number' || !Number.isInteger(body.shards) || body.shards < 1)
        throw new Error('GET /gateway/bot gave no shard count');
      shards = body.shards;
    },
  });
  return shards;
}
