import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledEntry } from '../support/bot-process';

/** `npm start` as someone who just cloned the repository runs it: no .env, no token. */

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(script: string, env: Record<string, string>, cwd: string): Run {
  // The compiled entry point, as `npm start` runs it (dist/ is built by test/support/build-dist.ts).
  const child = spawn(process.execPath, [compiledEntry(script)], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  return { child, output: () => output, exited };
}

describe('npm start without a token', () => {
  let dir: string;
  let running: Run | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'exam-drill-sandbox-proc-'));
  });
  afterEach(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    running = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the sandbox URL on 127.0.0.1, serves the page, and stops cleanly on SIGTERM', async () => {
    const started = Date.now();
    // SANDBOX_PORT=0: a free port, so the test never fights a sandbox someone left open.
    // TMPDIR: the sandbox's database folder goes in the test's folder, to check that stopping removes it.
    running = run('src/main.ts', { SANDBOX_PORT: '0', TMPDIR: dir }, dir);
    await expect
      .poll(() => running!.output(), { timeout: 25_000, interval: 100 })
      .toMatch(/Exam Drill sandbox: http:\/\/127\.0\.0\.1:\d+\//);
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(10);
    const url = /Exam Drill sandbox: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(running.output())![1]!;
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sandbox local');
    const state = (await (await fetch(`${url}api/state`)).json()) as { commands: { name: string }[] };
    expect(state.commands.map((c) => c.name)).toEqual(
      expect.arrayContaining(['help', 'quiz', 'leaderboard', 'stats', 'service', 'config', 'deck']),
    );
    expect(readdirSync(dir).filter((name) => name.startsWith('exam-drill-sandbox-'))).toHaveLength(1);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.output()).not.toMatch(/"level":(50|60)/); // no error or fatal log
    // Only tsx's own cache (TMPDIR is shared with it): no database folder or .sqlite left behind.
    expect(readdirSync(dir).filter((name) => !name.startsWith('tsx-'))).toEqual([]);
  }, 40_000);

  it('a token that is set but malformed is an error, never a sandbox', async () => {
    running = run('src/main.ts', { DISCORD_TOKEN: 'not-a-token', SANDBOX_PORT: '0' }, dir);
    expect(await running.exited).toBe(1);
    const output = running.output();
    expect(output).toContain('Invalid configuration');
    expect(output).toContain('not shaped like a bot token');
    expect(output).toContain('at DISCORD_TOKEN');
    expect(output).not.toContain('Exam Drill sandbox');
    expect(output).not.toContain('not-a-token');
  }, 30_000);

  it('npm run sandbox opens the sandbox even when a token is configured, and never uses it', async () => {
    const token = 'MTAwMDAwMDAwMDAwMDAwMDAw.configured-but-unused.abcdefghijklmnopqrstu';
    running = run(
      'src/sandbox/main.ts',
      { DISCORD_TOKEN: token, SANDBOX_PORT: '0', LOG_LEVEL: 'debug' },
      dir,
    );
    await expect
      .poll(() => running!.output(), { timeout: 25_000, interval: 100 })
      .toContain('Exam Drill sandbox: http://127.0.0.1:');
    expect(running.output()).not.toContain(token);
    running.child.kill('SIGINT');
    expect(await running.exited).toBe(0);
  }, 40_000);
});
