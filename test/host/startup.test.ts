import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killBotProcess, runBotProcess, type BotProcess } from '../support/bot-process';
import { startDiscordStandIn, type DiscordStandIn } from '../../src/stand-in';

/** Start-up as a host meets it: the real entry point in its own process, with the messages it prints. */
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.GhOsTd.host-startup-token-0123456789';
const FATAL = 60;

describe('start-up a host can read', () => {
  let standIn: DiscordStandIn;
  let dir: string;
  const runs: BotProcess[] = [];

  beforeEach(async () => {
    standIn = await startDiscordStandIn({
      rejectedTokens: ['MTAwMDAwMDAwMDAwMDAwMDAw.GrEsEt.this-token-was-reset-0123456'],
    });
    dir = mkdtempSync(join(tmpdir(), 'exam-drill-host-'));
  });
  afterEach(async () => {
    for (const run of runs) await killBotProcess(run);
    runs.length = 0;
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = (over: Record<string, string> = {}) => ({
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: standIn.applicationId,
    DATABASE_PATH: join(dir, 'bot.sqlite'),
    DISCORD_API_URL: standIn.apiUrl,
    LOG_LEVEL: 'info',
    ...over,
  });
  const start = (over: Record<string, string> = {}, script = 'src/main.ts') => {
    const run = runBotProcess(script, env(over), dir);
    runs.push(run);
    return run;
  };
  const loggedIn = (run: BotProcess) =>
    expect
      .poll(() => run.output(), { timeout: 20_000, interval: 100 })
      .toMatch(/"msg":"Logged in as Exam Drill#?\d* in 1 server"/);

  /** One fatal line in words, no stack, exit code 1. */
  async function expectFatal(run: BotProcess, pattern: RegExp): Promise<string> {
    expect(await run.exited).toBe(1);
    const fatal = run.logLines().filter((line) => line.level === FATAL);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]!.msg).toMatch(pattern);
    expect(run.output()).not.toMatch(/\n\s+at /);
    expect(run.output()).not.toContain('"msg":"bot stopped"');
    return fatal[0]!.msg;
  }

  it('retries a Discord that accepts connections and never answers, saying so, then gives up', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const run = start({
        DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
        CONNECT_TIMEOUT_SECONDS: '0.5',
        STARTUP_RETRY_MINUTES: '0.1',
      });
      const message = await expectFatal(
        run,
        /Discord is unreachable at 127\.0\.0\.1:\d+ \(no answer within 0\.5 s\); gave up after \d+ s and 3 attempts/,
      );
      expect(message).toContain('STARTUP_RETRY_MINUTES');
      const retries = run.logLines().filter((line) => /retrying in/.test(line.msg));
      expect(retries.map((line) => line.msg.replace(/.*retrying/, 'retrying'))).toEqual([
        'retrying in 1 s (attempt 1)',
        'retrying in 2 s (attempt 2)',
      ]);
      expect(sockets.length).toBeGreaterThanOrEqual(3);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('retries a refused connection, and a stop during the back-off ends the wait at once', async () => {
    // Nothing listens on this port until the stand-in's own is free again: take a port, close it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const run = start({ DISCORD_API_URL: `http://127.0.0.1:${port}/api` });
    await expect
      .poll(() => run.output(), { timeout: 10_000, interval: 100 })
      .toContain('(connection refused); retrying in 1 s (attempt 1)');
    run.child.kill('SIGTERM');
    // A stop during the back-off ends the wait at once, cleanly.
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('"msg":"stopped during start-up"');
  });

  it('says Discord refused the token, naming DISCORD_TOKEN and the fix, without retrying', async () => {
    const run = start({ DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.GrEsEt.this-token-was-reset-0123456' });
    const message = await expectFatal(run, /^Discord refused DISCORD_TOKEN \(401 Unauthorized\)/);
    expect(message).toContain('Reset Token');
    expect(run.output()).not.toContain('retrying');
    expect(run.output()).not.toContain('this-token-was-reset');
  });

  it('refuses a token of the wrong shape before any request, naming the key', async () => {
    const since = standIn.requests.length;
    const run = start({ DISCORD_TOKEN: 'not-a-token' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('DISCORD_TOKEN');
    expect(run.output()).toContain('not shaped like a bot token');
    expect(run.output()).not.toContain('not-a-token');
    expect(standIn.requests.length).toBe(since);
  });

  it('explains a DATABASE_PATH under a file and one that is not a database', async () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    const underFile = start({ DATABASE_PATH: join(dir, 'a-file', 'bot.sqlite') });
    await expectFatal(
      underFile,
      /^DATABASE_PATH \(.*a-file\/bot\.sqlite\) cannot be used: a part of its folder path is a file/,
    );
    writeFileSync(join(dir, 'notes.sqlite'), 'these are not pages of a database '.repeat(200));
    const notDb = start({ DATABASE_PATH: join(dir, 'notes.sqlite') });
    await expectFatal(notDb, /cannot be used: the file exists but is not an SQLite database/);
  });

  it('names NOTES_PATH when it is missing or gives no question', async () => {
    const missing = start({ NOTES_PATH: join(dir, 'nope.md') });
    await expectFatal(missing, /^NOTES_PATH \(.*nope\.md\): no such file\.$/);
    writeFileSync(join(dir, 'empty.md'), '# Só um título\n\nTexto solto, sem listas.\n');
    const empty = start({ NOTES_PATH: join(dir, 'empty.md') });
    await expectFatal(
      empty,
      /^NOTES_PATH \(.*empty\.md\) could not be built into a deck: no question could be made from it/,
    );
  });

  it('refuses a second bot on the same database, and a killed bot leaves no stuck lock', async () => {
    const first = start();
    await loggedIn(first);
    const second = start();
    await expectFatal(second, /^Another Exam Drill is already running on DATABASE_PATH/);
    first.child.kill('SIGKILL');
    await first.exited;
    const third = start();
    await loggedIn(third);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  });

  it('stops `npm start` on SIGTERM to the top process within 10 s, leaving no process behind', async () => {
    const run = start({}, 'npm:start');
    await loggedIn(run);
    const tree = descendants(run.child.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(1); // npm → node (the bot), no shell in between
    const sentAt = Date.now();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await expect.poll(() => tree.filter(isAlive), { timeout: 10_000, interval: 100 }).toEqual([]);
    expect(Date.now() - sentAt).toBeLessThan(10_000);
    expect(run.output()).toContain('"msg":"bot stopped"');
  });
});

/** Every process below `pid`, read from ps. */
function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const [child, ppid] of rows)
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
  }
  return found;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
