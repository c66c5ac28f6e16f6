import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDiscordStandIn, type DiscordStandIn } from '../../src/stand-in';

/** The bot as a host runs it: its own process, configured only through the environment. */
const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.outside-process-token';

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(script: string, env: Record<string, string>, cwd: string): Run {
  const child = spawn(tsx, [join(root, script)], {
    cwd,
    // Only what a host would set: no inherited DISCORD_* from the developer's shell.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  return { child, output: () => output, exited };
}

describe('the bot process', () => {
  let standIn: DiscordStandIn;
  let dir: string;
  let running: Run | undefined;

  beforeEach(async () => {
    standIn = await startDiscordStandIn();
    dir = mkdtempSync(join(tmpdir(), 'exam-drill-proc-'));
  });
  afterEach(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    running = undefined;
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const baseEnv = () => ({
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: standIn.applicationId,
    DATABASE_PATH: join(dir, 'bot.sqlite'),
    DISCORD_API_URL: standIn.apiUrl,
    LOG_LEVEL: 'info',
  });

  it('logs in from the environment alone, answers /help, and stops cleanly on SIGTERM', async () => {
    running = run('src/main.ts', baseEnv(), dir);
    await expect
      .poll(() => running!.output(), { timeout: 20_000, interval: 100 })
      .toContain('"msg":"logged in"');
    const reply = await standIn.runCommand({ member: standIn.member(), name: 'help' }).callback(10_000);
    expect(reply.type).toBe(4);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.output()).toContain('"msg":"bot stopped"');
    expect(running.output()).not.toContain(TOKEN);
  });

  // With a token set (no token opens the sandbox: test/sandbox/process.test.ts).
  it('exits with code 1 naming each missing or malformed key, without echoing values', async () => {
    running = run(
      'src/main.ts',
      { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: 'not-a-snowflake', DEFAULT_TIMEZONE: 'Mars/Olympus' },
      dir,
    );
    expect(await running.exited).toBe(1);
    const output = running.output();
    for (const key of ['DISCORD_CLIENT_ID', 'DEFAULT_TIMEZONE']) expect(output).toContain(key);
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain('sandbox');
    expect(output).toContain('README.md');
    expect(output).not.toContain('not-a-snowflake');
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('npm run register PUTs the commands to the configured server through DISCORD_API_URL', async () => {
    running = run('src/register.ts', { ...baseEnv(), DISCORD_GUILD_ID: standIn.guild.id }, dir);
    expect(await running.exited).toBe(0);
    const registered = standIn.registeredCommands.get(standIn.guild.id) as { name: string }[] | undefined;
    expect(registered?.map((c) => c.name)).toEqual(expect.arrayContaining(['help', 'deck']));
    expect(running.output()).toMatch(/Registered \d+ commands/);
  });
});
