import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDiscordStandIn, type DiscordStandIn } from '../src/stand-in';
import { printTable } from './support/table';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.STARTUP_BENCH_RUNS ?? 5);
/** /proc/<pid>/stat counts CPU time in clock ticks: 100 a second on Linux. */
const MS_PER_TICK = 10;

interface Way {
  argv: string[];
  /** A fresh, empty deck cache for each start: the deck is built from the notes (the first start after a change). */
  coldDeck?: boolean;
}

/** How the bot is started: `npm start`'s compiled bundle, the TypeScript through tsx it replaced, and the floor. */
const WAYS: Record<string, Way> = {
  'bare discord.js client (floor)': { argv: ['bench/support/bare-login.mjs'] },
  'compiled, deck cached (npm start)': { argv: ['--enable-source-maps', 'dist/main.js'] },
  'compiled, deck built (cache empty)': { argv: ['--enable-source-maps', 'dist/main.js'], coldDeck: true },
  'tsx, deck cached': { argv: ['--import', 'tsx', 'src/main.ts'] },
};

interface Sample {
  /** Spawn to the "Logged in as" line. */
  wallMs: number;
  /** The process's CPU time (user + system, all threads) at that line: less moved by other work on the machine. */
  cpuMs: number;
}

function cpuMsOf(pid: number): number {
  // Fields after "(comm) ": state is the 1st, utime the 12th, stime the 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

/** One start, stopped with SIGTERM once it has logged in. The database persists across starts (a restart). */
async function startOnce(standIn: DiscordStandIn, name: string, dir: string): Promise<Sample> {
  const way = WAYS[name]!;
  const deckDir = way.coldDeck ? mkdtempSync(join(dir, 'deck-')) : undefined;
  const startedAt = performance.now();
  const child = spawn(process.execPath, way.argv, {
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
      ...(deckDir ? { DECK_CACHE_DIR: deckDir } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  try {
    return await new Promise<Sample>((done, fail) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('"msg":"Logged in as'))
          done({ wallMs: performance.now() - startedAt, cpuMs: cpuMsOf(child.pid!) });
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => fail(new Error(`${name} exited (${code}) before logging in:\n${output}`)));
    });
  } finally {
    child.kill('SIGTERM');
    await exited;
    if (deckDir) rmSync(deckDir, { recursive: true, force: true });
  }
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const spread = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[0]!, sorted[Math.floor(sorted.length / 2)]!, sorted.at(-1)!].map(fmt);
};

export async function run(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const standIn = await startDiscordStandIn();
  const names = Object.keys(WAYS);
  const dirs = new Map(names.map((name) => [name, mkdtempSync(join(tmpdir(), 'exam-drill-startup-'))]));
  const samples = new Map<string, Sample[]>(names.map((name) => [name, []]));
  try {
    // One start each first, not counted: the database exists and is migrated, and the deck cache and
    // tsx's compile cache are warm, as for a restart.
    for (const name of names) await startOnce(standIn, name, dirs.get(name)!);
    // Alternating, so that other work on the machine hits every way alike.
    for (let i = 0; i < RUNS; i++)
      for (const name of names) samples.get(name)!.push(await startOnce(standIn, name, dirs.get(name)!));
  } finally {
    await standIn.close();
    for (const dir of dirs.values()) rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `Process spawn to "Logged in as" against the stand-in (a restart: database kept), ${RUNS} runs:`,
  );
  printTable(
    ['start', 'wall min', 'median', 'max', 'CPU min', 'median', 'max'],
    names.map((name) => {
      const runs = samples.get(name)!;
      return [name, ...spread(runs.map((s) => s.wallMs)), ...spread(runs.map((s) => s.cpuMs))];
    }),
  );
}
