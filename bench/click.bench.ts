import { startDiscordStandIn, type DiscordStandIn, type InteractionHandle } from '../src/stand-in';
import { startClientChild, type ClientChild } from './support/client-child';
import { printTable } from './support/table';

const RATES = (process.env.CLICK_BENCH_RATES ?? '200,1000').split(',').map(Number);
const SECONDS = Number(process.env.CLICK_BENCH_SECONDS ?? 4);
const WARMUP_CLICKS = 300;
/** Rounds alternate bare and bot so that drift (other work on the machine) hits both alike. */
const ROUNDS = Number(process.env.CLICK_BENCH_ROUNDS ?? 2);

interface Figures {
  clicks: number;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
  failed: number;
  /** CPU time (user + system) of the client's own process per click. */
  cpuMsPerClick: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** Sends `count` clicks at a steady rate and measures dispatch → first callback for each. */
async function steadyClicks(
  client: ClientChild,
  rate: number,
  count: number,
  click: () => InteractionHandle,
): Promise<Figures> {
  const handles: InteractionHandle[] = [];
  const cpuBefore = await client.ask({ type: 'cpu' }, 'cpu');
  const interval = 1000 / rate;
  const startedAt = performance.now();
  for (let i = 0; i < count; i++) {
    const due = startedAt + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    handles.push(click());
  }
  const callbacks = await Promise.all(handles.map((h) => h.callback(10_000)));
  const cpuAfter = await client.ask({ type: 'cpu' }, 'cpu');
  const latencies = callbacks.map((cb, i) => cb.at - handles[i]!.dispatchedAt).sort((a, b) => a - b);
  const firstDispatch = handles[0]!.dispatchedAt;
  const lastAck = Math.max(...callbacks.map((cb) => cb.at));
  const cpuMicros = cpuAfter.user - cpuBefore.user + (cpuAfter.system - cpuBefore.system);
  return {
    clicks: count,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    perSecond: (count / (lastAck - firstDispatch)) * 1000,
    failed: callbacks.filter((cb) => cb.status !== 204 && cb.status !== 200).length,
    cpuMsPerClick: cpuMicros / 1000 / count,
  };
}

/** The button the client under test answers: the open quiz question for the bot, a plain one for the floor. */
async function clickTarget(standIn: DiscordStandIn, client: ClientChild, bot: boolean) {
  const channelId = standIn.guild.textChannelId;
  if (bot) {
    const start = standIn.runCommand({
      member: standIn.member(),
      name: 'quiz',
      options: [
        {
          name: 'start',
          type: 1,
          options: [
            { name: 'questions', type: 4, value: 1 },
            { name: 'seconds', type: 4, value: 600 },
          ],
        },
      ],
    });
    await start.callback();
  }
  return client.ask({ type: 'button', channelId }, 'button');
}

/**
 * One client in its own process against a fresh stand-in in this one: warm-up, then each rate. Every click
 * comes from a new member, so each is a first answer (the bot records every one).
 */
async function measure(kind: 'bare' | 'bot-quiz' | 'bot-quiz-loop'): Promise<Figures[]> {
  const standIn = await startDiscordStandIn();
  const bot = kind !== 'bare';
  // Each as it ships: the bot with its bounded caches, the bare client with discord.js's defaults.
  const client = await startClientChild(standIn, kind, bot ? 'bounded' : 'default');
  try {
    const { customId, messageId } = await clickTarget(standIn, client, bot);
    const click = () => standIn.clickButton({ member: standIn.member(), customId, messageId });
    await steadyClicks(client, RATES[0]!, WARMUP_CLICKS, click);
    const figures: Figures[] = [];
    for (const rate of RATES) figures.push(await steadyClicks(client, rate, rate * SECONDS, click));
    return figures;
  } finally {
    await client.stop();
    await standIn.close();
  }
}

/** Per figure, the median over the rounds; the failures and clicks are summed. */
function combine(rounds: Figures[]): Figures {
  const pick = (key: keyof Figures) => median(rounds.map((r) => r[key]));
  return {
    clicks: rounds.reduce((sum, r) => sum + r.clicks, 0),
    failed: rounds.reduce((sum, r) => sum + r.failed, 0),
    p50: pick('p50'),
    p99: pick('p99'),
    max: Math.max(...rounds.map((r) => r.max)),
    perSecond: pick('perSecond'),
    cpuMsPerClick: pick('cpuMsPerClick'),
  };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

export async function run(): Promise<void> {
  console.log(
    `answer click → acknowledgement callback: stand-in in this process, each client in its own; ` +
      `${SECONDS} s per rate after ${WARMUP_CLICKS} warm-up clicks, ${ROUNDS} rounds alternating bare, bot with the answer thread, bot on its event loop ` +
      `(median of the rounds; max over all)`,
  );
  const bare: Figures[][] = [];
  const bot: Figures[][] = [];
  const onLoop: Figures[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bare.push(await measure('bare'));
    bot.push(await measure('bot-quiz'));
    onLoop.push(await measure('bot-quiz-loop'));
  }
  const header = ['offered', 'client', 'p50', 'p99', 'max', 'clicks/s', 'CPU/click', 'not acked'];
  const rows: string[][] = [];
  RATES.forEach((rate, i) => {
    const b = combine(bare.map((r) => r[i]!));
    const line = (name: string, f: Figures) => [
      `${rate}/s`,
      name,
      ms(f.p50),
      ms(f.p99),
      ms(f.max),
      f.perSecond.toFixed(0),
      ms(f.cpuMsPerClick),
      `${f.failed}/${f.clicks}`,
    ];
    const ratio = (d: Figures) => [
      '',
      '  ratio to bare',
      `${(d.p50 / b.p50).toFixed(2)}×`,
      `${(d.p99 / b.p99).toFixed(2)}×`,
      `${(d.max / b.max).toFixed(2)}×`,
      `${(d.perSecond / b.perSecond).toFixed(2)}×`,
      `${(d.cpuMsPerClick / b.cpuMsPerClick).toFixed(2)}×`,
      '',
    ];
    const shipped = combine(bot.map((r) => r[i]!));
    const loop = combine(onLoop.map((r) => r[i]!));
    rows.push(line('bare discord.js', b));
    rows.push(line('exam drill (answer thread, as shards run)', shipped), ratio(shipped));
    rows.push(line('exam drill (event loop, as one process runs)', loop), ratio(loop));
  });
  printTable(header, rows);
  console.log('aim: bot p99 ≤ 2× the bare client’s at 1000/s, same clicks/s');
}
