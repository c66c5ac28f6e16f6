import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from '../../scripts/build.mjs';
import type { DiscordStandIn } from '../../src/stand-in';

/** `bot-quiz-loop`: the quiz-only bot deciding clicks on its event loop (no answer thread). */
export type ClientKind = 'bare' | 'bot' | 'bot-quiz' | 'bot-quiz-loop' | 'empty';
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
/**
 * Inside the project, so that the bundle's bare imports (discord.js, drizzle-orm…) resolve from
 * node_modules as dist/'s do; one folder per bench process, removed when it exits.
 */
const BUILD_DIR = join(ROOT, 'node_modules/.cache/exam-drill-bench', String(process.pid));

let built: Promise<string> | undefined;

/**
 * client-process.ts compiled as scripts/build.mjs compiles the bot for `npm start` (esbuild: bundled ESM,
 * packages external, shared chunks, source maps), so the children run plain JavaScript as the shipped bot
 * does: no loader compiling TypeScript in their memory. Dynamic imports stay separate chunks, so the bare
 * client's process never loads the bot's code. Built once per bench process.
 */
function buildClientProcess(): Promise<string> {
  built ??= build({
    ...BUNDLE_OPTIONS,
    // The threads' files, where the bot finds them beside a bundle (src/shared/worker-thread.ts).
    entryPoints: {
      'client-process': 'bench/support/client-process.ts',
      'quiz/answer-worker': 'src/quiz/answer-worker.ts',
      'leaderboard/rebuild-worker': 'src/leaderboard/rebuild-worker.ts',
    },
    outdir: BUILD_DIR,
  }).then(() => {
    process.once('exit', () => rmSync(BUILD_DIR, { recursive: true, force: true }));
    return join(BUILD_DIR, 'client-process.js');
  });
  return built;
}

/** `npm start`'s flags for the bot (`node --enable-source-maps dist/main.js`); none for the bare client. */
const shippedFlags = (kind: ClientKind): string[] =>
  kind === 'bare' || kind === 'empty' ? [] : ['--enable-source-maps'];

export interface ClientChild {
  pid: number;
  guilds: number;
  /** Sends one request and resolves with the reply of the expected type. */
  ask<T extends ChildReply['type']>(request: ChildRequest, expect: T): Promise<Reply<T>>;
  stop(): Promise<void>;
}

/**
 * Starts client-process.ts, compiled, in a child process (plain node with `--expose-gc`, and the flags the
 * bot ships with for the bot) logged in to `standIn`, with `caches` (the bot's bounded ones or discord.js's
 * defaults), and resolves once it is ready. The parent keeps the stand-in, so each side has its own event loop.
 */
export async function startClientChild(
  standIn: DiscordStandIn,
  kind: ClientKind,
  caches: Caches,
): Promise<ClientChild> {
  const entry = await buildClientProcess();
  const child: ChildProcess = fork(entry, [], {
    // BENCH_CHILD_ARGS adds node flags to the child, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
    execArgv: ['--expose-gc', ...shippedFlags(kind), ...(process.env.BENCH_CHILD_ARGS?.split(' ') ?? [])],
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
