import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeDatabase, openDatabase } from '../src/db/database';
import { printTable } from './support/table';

const ROOT = join(import.meta.dirname, '..');
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const WRITER = join(ROOT, 'bench/support/answer-writer.ts');
const DURATION_MS = Number(process.env.SHARED_DB_BENCH_MS ?? 4000);
const WRITERS = [1, 2, 4];
/** As the answer batcher groups a burst of clicks; 1 = one commit per answer. */
const BATCHES = [1, 50];

interface Report {
  written: number;
  refused: number;
  p99Ms: number;
}

function writer(path: string, index: number, startAt: number, batch: number): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        TSX_LOADER,
        WRITER,
        path,
        String(index),
        String(startAt),
        String(DURATION_MS),
        String(batch),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Report) : reject(new Error(`writer exited ${code}`)),
    );
  });
}

async function measure(writers: number, batch: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'exam-drill-shared-db-'));
  const path = join(dir, 'bench.sqlite');
  try {
    closeDatabase(openDatabase(path)); // migrated once, as the shard manager does
    const startAt = Date.now() + 1500 + writers * 500;
    const reports = await Promise.all(
      Array.from({ length: writers }, (_, i) => writer(path, i, startAt, batch)),
    );
    const total = reports.reduce((sum, r) => sum + r.written, 0);
    const perSecond = total / (DURATION_MS / 1000);
    return [
      String(writers),
      batch === 1 ? 'one per answer' : `${batch} answers`,
      Math.round(perSecond).toLocaleString('en-US'),
      Math.round(perSecond / writers).toLocaleString('en-US'),
      Math.max(...reports.map((r) => r.p99Ms)).toFixed(1),
      String(reports.reduce((sum, r) => sum + r.refused, 0)),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What one SQLite file (WAL) takes when several shard processes write at once: each writer process records
 * quiz answers through submitAnswer (the answer row and its standings upserts) in its own server for a few
 * seconds; total answers/s, per writer, the worst writer's p99 per transaction (the write lock is
 * shared, so more writers wait on each other), and answers whose transaction waited past busy_timeout. The machine's other load moves these figures.
 */
export async function run(): Promise<void> {
  const rows: string[][] = [];
  for (const batch of BATCHES) for (const writers of WRITERS) rows.push(await measure(writers, batch));
  printTable(
    [
      'writers',
      'per transaction',
      'answers/s (all)',
      'answers/s per writer',
      'p99 ms per transaction',
      'answers refused (busy > 5 s)',
    ],
    rows,
  );
}
