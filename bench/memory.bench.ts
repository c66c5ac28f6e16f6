import { readFileSync } from 'node:fs';
import { startDiscordStandIn, type DiscordStandIn, type InteractionHandle } from '../src/stand-in';
import { startClientChild, type Caches, type ClientChild, type ClientKind } from './support/client-child';
import { printTable } from './support/table';

const GUILDS = Number(process.env.MEMORY_BENCH_GUILDS ?? 2500);
/** After ready: what the first minutes of use add (each from a member the client has not seen). */
const INTERACTIONS = Number(process.env.MEMORY_BENCH_INTERACTIONS ?? 2000);
const SETTLE_MS = 3000;
/** RSS moves by a few MiB from run to run: each row is the median of this many processes. */
const ROUNDS = Number(process.env.MEMORY_BENCH_ROUNDS ?? 3);
const MiB = 1024 * 1024;

interface Row {
  label: string;
  kind: ClientKind;
  caches: Caches;
}

const ROWS: Row[] = [
  { label: 'node, nothing loaded', kind: 'empty', caches: 'default' },
  { label: 'bare discord.js (default caches)', kind: 'bare', caches: 'default' },
  { label: 'bare discord.js (bot’s caches)', kind: 'bare', caches: 'bounded' },
  { label: 'exam drill (bounded caches, as shipped)', kind: 'bot', caches: 'bounded' },
  { label: 'exam drill (discord.js default caches)', kind: 'bot', caches: 'default' },
];

interface Sample {
  rss: number;
  heapUsed: number;
  external: number;
  /** Peak RSS of the process so far (VmHWM). */
  peak: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kib ? Number(kib) * 1024 : NaN;
}

async function sample(child: ClientChild): Promise<Sample> {
  const usage = await child.ask({ type: 'memory' }, 'memory');
  if (!usage.gcExposed) throw new Error('the child has no gc(): --expose-gc missing');
  return { rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external, peak: peakRss(child.pid) };
}

/**
 * What a client keeps of the members who use it: the bot answers /help from members it has not seen,
 * spread over the servers; the bare client is clicked by them (it answers nothing else).
 */
async function interact(standIn: DiscordStandIn, child: ClientChild, kind: ClientKind): Promise<void> {
  if (kind === 'empty') return;
  const guilds = standIn.guilds;
  let send: (i: number) => InteractionHandle;
  if (kind === 'bare') {
    const channelId = standIn.guild.textChannelId;
    const { customId, messageId } = await child.ask({ type: 'button', channelId }, 'button');
    send = () => standIn.clickButton({ member: standIn.member(), customId, messageId });
  } else {
    send = (i) => {
      const guild = guilds[i % guilds.length]!;
      return standIn.runCommand({
        member: standIn.member(),
        name: 'help',
        guildId: guild.id,
        channelId: guild.textChannelId,
      });
    };
  }
  // In waves, so the stand-in's 3 s acknowledgement deadline measures nothing here.
  for (let i = 0; i < INTERACTIONS; i += 100) {
    const wave = Array.from({ length: Math.min(100, INTERACTIONS - i) }, (_, j) => send(i + j));
    const callbacks = await Promise.all(wave.map((h) => h.callback(30_000)));
    const failed = callbacks.filter((cb) => cb.status >= 300).length;
    if (failed) throw new Error(`${failed} interactions of a wave were not acknowledged`);
  }
}

async function measure(standIn: DiscordStandIn, row: Row): Promise<{ ready: Sample; used: Sample }> {
  const child = await startClientChild(standIn, row.kind, row.caches);
  try {
    if (row.kind !== 'empty' && child.guilds !== GUILDS)
      throw new Error(`${row.label}: ready with ${child.guilds} guilds, not ${GUILDS}`);
    await sleep(SETTLE_MS);
    const ready = await sample(child);
    await interact(standIn, child, row.kind);
    await sleep(SETTLE_MS);
    const used = await sample(child);
    // After both samples: writing a snapshot grows the process by tens of MiB.
    if (process.env.MEMORY_BENCH_SNAPSHOTS)
      await child.ask(
        {
          type: 'heap-snapshot',
          path: `${process.env.MEMORY_BENCH_SNAPSHOTS}/${row.kind}-${row.caches}.heapsnapshot`,
        },
        'heap-snapshot',
      );
    return { ready, used };
  } finally {
    await child.stop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

function medianOf(samples: Sample[]): Sample {
  return {
    rss: median(samples.map((s) => s.rss)),
    heapUsed: median(samples.map((s) => s.heapUsed)),
    external: median(samples.map((s) => s.external)),
    peak: median(samples.map((s) => s.peak)),
  };
}

const medianSample = (runs: { ready: Sample; used: Sample }[]) => ({
  ready: medianOf(runs.map((r) => r.ready)),
  used: medianOf(runs.map((r) => r.used)),
});

const mib = (bytes: number) => (bytes / MiB).toFixed(1);

/**
 * Resident memory of the bot's process against a bare discord.js client's (Guilds intent both), each its
 * own process logged in to a stand-in with GUILDS servers, after ready + a settle + a forced GC, and again
 * after INTERACTIONS members used it. Aim: the bot ≤ 1.0× the bare client.
 */
export async function run(): Promise<void> {
  const standIn = await startDiscordStandIn({
    guilds: Array.from({ length: GUILDS }, (_, i) => ({ name: `Servidor ${i + 1}` })),
  });
  try {
    console.log(
      `resident memory (RSS) per process, ${GUILDS} servers (3 channels, 2 roles each) over the Guilds intent; ` +
        `after ready, ${SETTLE_MS / 1000} s and a forced GC; then after ${INTERACTIONS} interactions from new members ` +
        `(median of ${ROUNDS} processes per row)`,
    );
    const runs = new Map<string, { ready: Sample; used: Sample }[]>(ROWS.map((row) => [row.label, []]));
    // Rounds go over every row in turn, so that drift on the machine hits each row alike.
    for (let round = 0; round < ROUNDS; round++)
      for (const row of ROWS) runs.get(row.label)!.push(await measure(standIn, row));
    const results = new Map([...runs].map(([label, samples]) => [label, medianSample(samples)]));
    const bare = results.get(ROWS[1]!.label)!;
    const header = [
      'process',
      'RSS ready',
      'heap ready',
      '× bare',
      'RSS used',
      'heap used',
      '× bare',
      'peak RSS',
    ];
    const rows = ROWS.map((row) => {
      const r = results.get(row.label)!;
      return [
        row.label,
        `${mib(r.ready.rss)} MiB`,
        `${mib(r.ready.heapUsed)} MiB`,
        `${(r.ready.rss / bare.ready.rss).toFixed(2)}×`,
        `${mib(r.used.rss)} MiB`,
        `${mib(r.used.heapUsed)} MiB`,
        `${(r.used.rss / bare.used.rss).toFixed(2)}×`,
        `${mib(r.used.peak)} MiB`,
      ];
    });
    printTable(header, rows);
    console.log(
      'aim: exam drill ≤ 1.0× the bare client. "used": the bot answered /help, the bare client acknowledged clicks.',
    );
  } finally {
    await standIn.close();
  }
}
