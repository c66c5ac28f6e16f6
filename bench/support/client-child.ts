import { fork, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DiscordStandIn } from '../../src/stand-in';

export type ClientKind = 'bare' | 'bot' | 'bot-quiz' | 'empty';
export type Caches = 'bounded' | 'default';

export type ChildRequest =
  | { type: 'button'; channelId: string }
  | { type: 'cpu' }
  | { type: 'memory' }
  | { type: 'heap-snapshot'; path: string }
  | { type: 'stop' };

export type ChildReply =
  | { type: 'ready'; guilds: number }
  | { type: 'button'; messageId: string; customId: string }
  | { type: 'cpu'; user: number; system: number }
  | ({ type: 'memory'; gcExposed: boolean } & NodeJS.MemoryUsage)
  | { type: 'heap-snapshot'; path: string }
  | { type: 'stopped' }
  | { type: 'failed'; message: string };

type Reply<T extends ChildReply['type']> = Extract<ChildReply, { type: T }>;

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = join(ROOT, 'bench/support/client-process.ts');
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export interface ClientChild {
  pid: number;
  guilds: number;
  /** Sends one request and resolves with the reply of the expected type. */
  ask<T extends ChildReply['type']>(request: ChildRequest, expect: T): Promise<Reply<T>>;
  stop(): Promise<void>;
}

/**
 * Starts client-process.ts in a child process (`caches`: the bot's bounded ones or discord.js's defaults) (the tsx loader, `--expose-gc`) logged in to `standIn`,
 * and resolves once it is ready. The parent keeps the stand-in, so each side has its own event loop.
 */
export async function startClientChild(
  standIn: DiscordStandIn,
  kind: ClientKind,
  caches: Caches,
): Promise<ClientChild> {
  const child: ChildProcess = fork(ENTRY, [], {
    // BENCH_CHILD_ARGS adds node flags to the child, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
    execArgv: ['--import', TSX_LOADER, '--expose-gc', ...(process.env.BENCH_CHILD_ARGS?.split(' ') ?? [])],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      BENCH_CLIENT: kind,
      BENCH_CACHES: caches,
      DISCORD_API_URL: standIn.apiUrl,
      DISCORD_TOKEN: standIn.token,
      DISCORD_CLIENT_ID: standIn.applicationId,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const next = <T extends ChildReply['type']>(expect: T, timeoutMs: number) =>
    new Promise<Reply<T>>((resolveReply, reject) => {
      const timer = setTimeout(() => fail(`no ${expect} within ${timeoutMs} ms`), timeoutMs);
      const onExit = () => fail('exited');
      const onMessage = (reply: ChildReply) => {
        clearTimeout(timer);
        cleanup();
        if (reply.type === expect) resolveReply(reply as Reply<T>);
        else
          reject(new Error(`bench ${kind} client: ${reply.type === 'failed' ? reply.message : reply.type}`));
      };
      const cleanup = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      function fail(why: string) {
        clearTimeout(timer);
        cleanup();
        reject(new Error(`bench ${kind} client ${why}:\n${output}`));
      }
      child.on('message', onMessage);
      child.once('exit', onExit);
    });

  const ready = await next('ready', 120_000).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const ask: ClientChild['ask'] = (request, expect) => {
    const reply = next(expect, 120_000);
    child.send(request);
    return reply;
  };
  return {
    pid: child.pid!,
    guilds: ready.guilds,
    ask,
    async stop() {
      if (child.exitCode !== null) return;
      await ask({ type: 'stop' }, 'stopped').catch(() => child.kill('SIGKILL'));
      await exited;
    },
  };
}
