import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDiscordStandIn, type DiscordStandIn } from '../src/stand-in';
import { printTable } from './support/table';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.STARTUP_BENCH_RUNS ?? 5);

/** How the bot is started: `npm start`'s compiled bundle, and the TypeScript through tsx it replaced. */
const WAYS = {
  'compiled (node dist/main.js)': ['--enable-source-maps', 'dist/main.js'],
  'tsx (node --import tsx src/main.ts)': ['--import', 'tsx', 'src/main.ts'],
} as const;
type Way = keyof typeof WAYS;

/** Milliseconds from spawning the process to its "Logged in as" line; then stops it with SIGTERM. */
async function timeToLogin(standIn: DiscordStandIn, way: Way): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'exam-drill-startup-'));
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...WAYS[way]], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_OPTIONS: '',
      DISCORD_TOKEN: standIn.token,
      DISCORD_CLIENT_ID: standIn.applicationId,
      DISCORD_API_URL: standIn.apiUrl,
      DATABASE_PATH: join(dir, 'bot.sqlite'),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  try {
    return await new Promise<number>((done, fail) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('"msg":"Logged in as')) done(performance.now() - startedAt);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => fail(new Error(`${way} exited (${code}) before logging in:\n${output}`)));
    });
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

export async function run(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const standIn = await startDiscordStandIn();
  const ways = Object.keys(WAYS) as Way[];
  const times = new Map<Way, number[]>(ways.map((way) => [way, []]));
  try {
    // One start each first, not counted: the deck cache and tsx's compile cache are then warm for both.
    for (const way of ways) await timeToLogin(standIn, way);
    // Alternating, so that other work on the machine hits both alike.
    for (let i = 0; i < RUNS; i++)
      for (const way of ways) times.get(way)!.push(await timeToLogin(standIn, way));
  } finally {
    await standIn.close();
  }
  console.log(`Process spawn to "Logged in as" against the stand-in, fresh database each, ${RUNS} runs:`);
  printTable(
    ['start', 'min', 'median', 'max'],
    ways.map((way) => {
      const sorted = [...times.get(way)!].sort((a, b) => a - b);
      return [way, fmt(sorted[0]!), fmt(sorted[Math.floor(sorted.length / 2)]!), fmt(sorted.at(-1)!)];
    }),
  );
}
