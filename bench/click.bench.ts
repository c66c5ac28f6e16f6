import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ButtonStyle, ComponentType, Routes, type APIMessage } from 'discord.js';
import { startBot } from '../src/app/bot';
import { createDeckIndex } from '../src/deck';
import { parseEnv } from '../src/env';
import { createLogger } from '../src/shared/logger';
import { answerButtonId } from '../src/quiz/custom-ids';
import { createQuizFeature } from '../src/quiz/quiz-feature';
import { findRunningRound, roundQuestionAt } from '../src/quiz/round-store';
import { ManualScheduler } from '../test/support/manual-scheduler';
import { startBareAckClient } from '../test/support/bare-client';
import { startDiscordStandIn, type InteractionHandle } from '../src/stand-in';
import { singleQ } from '../test/quiz/fixtures';

const RATE_PER_SECOND = 200;
const SECONDS = 4;
const WARMUP_CLICKS = 100;

interface Figures {
  clicks: number;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
  failed: number;
  /** Process CPU time (user + system) per click: stand-in and client together, so compare, don't read alone. */
  cpuMsPerClick: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Sends `count` clicks at a steady rate and measures dispatch → first callback for each. */
async function steadyClicks(count: number, click: (i: number) => InteractionHandle): Promise<Figures> {
  const handles: InteractionHandle[] = [];
  const cpuBefore = process.cpuUsage();
  const interval = 1000 / RATE_PER_SECOND;
  const startedAt = performance.now();
  for (let i = 0; i < count; i++) {
    const due = startedAt + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    handles.push(click(i));
  }
  const callbacks = await Promise.all(handles.map((h) => h.callback(10_000)));
  const cpu = process.cpuUsage(cpuBefore);
  const latencies = callbacks.map((cb, i) => cb.at - handles[i]!.dispatchedAt).sort((a, b) => a - b);
  const firstDispatch = handles[0]!.dispatchedAt;
  const lastAck = Math.max(...callbacks.map((cb) => cb.at));
  return {
    clicks: count,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    perSecond: (count / (lastAck - firstDispatch)) * 1000,
    failed: callbacks.filter((cb) => cb.status !== 204 && cb.status !== 200).length,
    cpuMsPerClick: (cpu.user + cpu.system) / 1000 / count,
  };
}

/** The bot's real answer path: a quiz round with a question open for the whole run. */
async function measureBot(): Promise<Figures> {
  const standIn = await startDiscordStandIn();
  const dir = mkdtempSync(join(tmpdir(), 'exam-drill-bench-'));
  // Real time for the clicks; a scheduler nobody drives so the question stays open through the run.
  const scheduler = new ManualScheduler(Date.now);
  const bot = await startBot({
    env: parseEnv({
      DISCORD_TOKEN: standIn.token,
      DISCORD_CLIENT_ID: standIn.applicationId,
      DATABASE_PATH: join(dir, 'bench.sqlite'),
      DISCORD_API_URL: standIn.apiUrl,
      LOG_LEVEL: 'silent',
    }),
    logger: createLogger('silent'),
    deck: createDeckIndex({
      notesSha256: '0'.repeat(64),
      questions: [singleQ],
      services: [],
    }),
    clientOptions: { waitGuildTimeout: 100 },
    features: [createQuizFeature({ scheduler: () => scheduler })],
  });
  try {
    const channelId = standIn.guild.textChannelId;
    const start = standIn.runCommand({
      member: standIn.member(),
      name: 'quiz',
      options: [
        {
          name: 'start',
          type: 1,
          options: [
            { name: 'questions', type: 4, value: 1 },
            { name: 'seconds', type: 4, value: 60 },
          ],
        },
      ],
    });
    await start.callback();
    let slot;
    for (let i = 0; i < 500 && !slot?.messageId; i++) {
      await sleep(10);
      const round = findRunningRound(bot.ctx.db, channelId);
      slot = round ? roundQuestionAt(bot.ctx.db, round.id, 0) : undefined;
    }
    if (!slot?.messageId) throw new Error('the quiz question never appeared');
    const customId = answerButtonId.encode({ roundId: slot.roundId, position: 0, option: 0 });
    const messageId = slot.messageId;
    const clickAs = () => standIn.clickButton({ member: standIn.member(), customId, messageId });
    await steadyClicks(WARMUP_CLICKS, clickAs);
    return await steadyClicks(RATE_PER_SECOND * SECONDS, clickAs);
  } finally {
    await bot.stop();
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The floor: a bare discord.js client that only acknowledges (deferUpdate). */
async function measureBare(): Promise<Figures> {
  const standIn = await startDiscordStandIn();
  const bare = await startBareAckClient(standIn);
  try {
    const customId = 'bench:ack';
    const message = (await bare.client.rest.post(Routes.channelMessages(standIn.guild.textChannelId), {
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
    const clickAs = () => standIn.clickButton({ member: standIn.member(), customId, messageId: message.id });
    await steadyClicks(WARMUP_CLICKS, clickAs);
    return await steadyClicks(RATE_PER_SECOND * SECONDS, clickAs);
  } finally {
    await bare.stop();
    await standIn.close();
  }
}

const format = (f: Figures) =>
  `p50 ${f.p50.toFixed(2)} ms · p99 ${f.p99.toFixed(2)} ms · max ${f.max.toFixed(2)} ms · ${f.perSecond.toFixed(0)} clicks/s · ${f.cpuMsPerClick.toFixed(2)} ms CPU/click · ${f.clicks} clicks, ${f.failed} not acknowledged`;

export async function run(): Promise<void> {
  console.log(
    `answer click → acknowledgement callback, steady ${RATE_PER_SECOND} clicks/s for ${SECONDS} s (after ${WARMUP_CLICKS} warm-up clicks)`,
  );
  const bare = await measureBare();
  console.log(`bare ack client (floor): ${format(bare)}`);
  const bot = await measureBot();
  console.log(`exam drill /quiz answer: ${format(bot)}`);
  console.log(
    `ratio bot/floor: p50 ${(bot.p50 / bare.p50).toFixed(2)}× · p99 ${(bot.p99 / bare.p99).toFixed(2)}×`,
  );
}
