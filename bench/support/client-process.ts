import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import type { APIMessage, Client, ClientOptions } from 'discord.js';
import type { BotOptions, RunningBot } from '../../src/app/bot';
import type { ChildReply, ChildRequest, ClientKind } from './client-child';

/**
 * A benchmark's client in its own process, so it does not share an event loop (or a core) with the
 * stand-in that drives it. Started by client-child.ts with the stand-in's address in the environment;
 * it logs in, says `ready`, then answers the parent's requests over IPC.
 *
 * BENCH_CLIENT: `bare` (a discord.js client that only acknowledges clicks), `bot` (the bot as `npm start`
 * runs it: shipped deck, every feature), `bot-quiz` (the bot with one question and only the quiz, its
 * question kept open), `empty` (node and this file, nothing else: the floor of the memory figures).
 * client-child.ts compiles it with esbuild (as `npm start`'s dist/ is built) and runs it with plain node.
 * BENCH_CACHES: `bounded` (the bot's src/app/client-options.ts) or `default` (discord.js's own).
 * Each kind imports only what it runs (dynamic imports), so a process's memory is its own client's.
 */
const kind = process.env.BENCH_CLIENT as ClientKind;
const defaultCaches = process.env.BENCH_CACHES === 'default';
const apiUrl = process.env.DISCORD_API_URL ?? '';
const token = process.env.DISCORD_TOKEN ?? '';
const send = (reply: ChildReply) => process.send?.(reply);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startBare(): Promise<Client> {
  const { Client, Events, GatewayIntentBits } = await import('discord.js');
  const { botClientOptions } = await import('../../src/app/client-options');
  const { acknowledgeClicks } = await import('../../test/support/bare-client');
  const client = new Client({
    ...(defaultCaches ? { intents: [GatewayIntentBits.Guilds] } : botClientOptions()),
    rest: { api: apiUrl },
  });
  client.on(Events.Error, (error) => console.error(error));
  acknowledgeClicks(client);
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(token);
  await ready;
  return client;
}

/** One question and only the quiz, with a scheduler nobody drives: the question stays open through the run. */
async function quizOnlyOptions(): Promise<Pick<BotOptions, 'deck' | 'features'>> {
  const { createDeckIndex } = await import('../../src/deck');
  const { createQuizFeature } = await import('../../src/quiz/quiz-feature');
  const { ManualScheduler } = await import('../../test/support/manual-scheduler');
  const { singleQ } = await import('../../test/quiz/fixtures');
  const scheduler = new ManualScheduler(Date.now);
  return {
    deck: createDeckIndex({ notesSha256: '0'.repeat(64), questions: [singleQ], services: [] }),
    features: [createQuizFeature({ scheduler: () => scheduler })],
  };
}

async function startBenchBot(dir: string): Promise<RunningBot> {
  const { Options } = await import('discord.js');
  const { startBot } = await import('../../src/app/bot');
  const { parseEnv } = await import('../../src/env');
  const { createLogger } = await import('../../src/shared/logger');
  // Only the quiz-only bot loads the one-question deck and its test helpers: `bot` is the bot as it ships.
  const quizOnly = kind === 'bot-quiz' || kind === 'bot-quiz-loop' ? await quizOnlyOptions() : {};
  return startBot({
    env: parseEnv({
      DISCORD_TOKEN: token,
      DISCORD_CLIENT_ID: process.env.DISCORD_CLIENT_ID ?? '',
      DATABASE_PATH: join(dir, 'bench.sqlite'),
      DISCORD_API_URL: apiUrl,
      LOG_LEVEL: 'warn',
    }),
    logger: createLogger('warn'),
    ...quizOnly,
    answerThread: kind !== 'bot-quiz-loop',
    // discord.js's defaults, spelled out for the bot (whose own options bound them).
    clientOptions: defaultCaches
      ? {
          makeCache: Options.cacheWithLimits(Options.DefaultMakeCacheSettings),
          sweepers: Options.DefaultSweeperSettings,
        }
      : ({} satisfies Partial<ClientOptions>),
  });
}

async function postButton(client: Client, channelId: string): Promise<ChildReply> {
  const { ButtonStyle, ComponentType, Routes } = await import('discord.js');
  const customId = 'bench:ack';
  const message = (await client.rest.post(Routes.channelMessages(channelId), {
    body: {
      content: 'bench',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'A', custom_id: customId },
          ],
        },
      ],
    },
  })) as APIMessage;
  return { type: 'button', messageId: message.id, customId };
}

async function quizButton(bot: RunningBot, channelId: string): Promise<ChildReply> {
  const { answerButtonId } = await import('../../src/quiz/custom-ids');
  const { findRunningRound, roundQuestionAt } = await import('../../src/quiz/round-store');
  for (let i = 0; i < 500; i++) {
    const round = findRunningRound(bot.ctx.db, channelId);
    const slot = round ? roundQuestionAt(bot.ctx.db, round.id, 0) : undefined;
    if (slot?.messageId) {
      const customId = answerButtonId.encode({ roundId: slot.roundId, position: 0, option: 0 });
      return { type: 'button', messageId: slot.messageId, customId };
    }
    await sleep(10);
  }
  throw new Error('the quiz question never appeared');
}

async function memory(): Promise<ChildReply> {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice, with a pause: finalizers and weak callbacks of the first pass free more in the second.
  gc?.();
  await sleep(100);
  gc?.();
  const usage = process.memoryUsage();
  return { type: 'memory', gcExposed: gc !== undefined, ...usage };
}

const dir = mkdtempSync(join(tmpdir(), 'exam-drill-bench-'));
let client: Client | undefined;
let bot: RunningBot | undefined;
const stop = async () => {
  await bot?.stop();
  await client?.destroy();
  rmSync(dir, { recursive: true, force: true });
};

try {
  if (kind === 'bare') client = await startBare();
  else if (kind === 'bot' || kind === 'bot-quiz' || kind === 'bot-quiz-loop') bot = await startBenchBot(dir);
  else if (kind !== 'empty') throw new Error(`unknown BENCH_CLIENT ${kind}`);
  send({ type: 'ready', guilds: (bot?.client ?? client)?.guilds.cache.size ?? 0 });
} catch (error) {
  console.error(error);
  await stop();
  process.exit(1);
}

process.on('message', (request: ChildRequest) => {
  const answer = async (): Promise<ChildReply> => {
    switch (request.type) {
      case 'button':
        if (bot) return quizButton(bot, request.channelId);
        if (client) return postButton(client, request.channelId);
        throw new Error('no client to post with');
      case 'cpu':
        return { type: 'cpu', ...process.cpuUsage() };
      case 'memory':
        return memory();
      case 'heap-snapshot':
        return { type: 'heap-snapshot', path: writeHeapSnapshot(request.path) };
      case 'stop':
        await stop();
        return { type: 'stopped' };
    }
  };
  answer().then(
    (reply) => {
      send(reply);
      if (reply.type === 'stopped') process.disconnect();
    },
    (error: unknown) => send({ type: 'failed', message: String((error as Error)?.stack ?? error) }),
  );
});
