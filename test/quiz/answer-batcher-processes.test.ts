import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answers } from '../../src/db/schema';
import { ROOT } from '../support/bot-process';
import { createTempDb } from '../support/temp-db';

// With SHARDS, several processes write answers to one SQLite file. A burst's transaction reads (round,
// slot, earlier answer) before it writes: begun DEFERRED, it fails with SQLITE_BUSY / BUSY_SNAPSHOT
// whenever another process wrote in between, and busy_timeout does not help. It must begin IMMEDIATE.

const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const CHILD = join(ROOT, 'test/support/answer-batcher-child.ts');
const PROCESSES = 3;

interface Report {
  registered: number;
  errors: string[];
  failed: number;
}

function runWriter(path: string, index: number, startAt: number): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', TSX_LOADER, CHILD, path, String(index), String(startAt), '1500'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Report) : reject(new Error(`writer exited ${code}: ${err}`)),
    );
  });
}

describe('answer bursts from several processes on one SQLite file', () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
  });
  afterEach(() => temp.cleanup());

  it('registers every click of every process, none refused as "database is locked"', async () => {
    const startAt = Date.now() + 5000;
    const reports = await Promise.all(
      Array.from({ length: PROCESSES }, (_, i) => runWriter(temp.path, i, startAt)),
    );
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    const registered = reports.reduce((sum, r) => sum + r.registered, 0);
    expect(registered).toBeGreaterThan(0);
    expect(temp.db.select().from(answers).all()).toHaveLength(registered);
  }, 60_000);
});
