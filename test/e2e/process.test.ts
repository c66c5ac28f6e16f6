import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDiscordStandIn, type DiscordStandIn } from '../../src/stand-in';
import { killBotProcess, runBotProcess, type BotProcess } from '../support/bot-process';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.GoUtSd.outside-process-token-0123456789';

describe('the bot process', () => {
  let standIn: DiscordStandIn;
  let dir: string;
  let running: BotProcess | undefined;

  beforeEach(async () => {
    standIn = await startDiscordStandIn();
    dir = mkdtempSync(join(tmpdir(), 'exam-drill-proc-'));
  });
  afterEach(async () => {
    await killBotProcess(running);
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
    running = runBotProcess('src/main.ts', baseEnv(), dir);
    await expect
      .poll(() => running!.output(), { timeout: 20_000, interval: 100 })
      .toContain('"msg":"Logged in as Exam Drill');
    const reply = await standIn.runCommand({ member: standIn.member(), name: 'help' }).callback(10_000);
    expect(reply.type).toBe(4);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.output()).toContain('"msg":"bot stopped"');
    expect(running.output()).not.toContain(TOKEN);
  });

  // With a token set (no token opens the sandbox: test/sandbox/process.test.ts).
  it('exits with code 1 naming each missing or malformed key, without echoing values', async () => {
    running = runBotProcess(
      'src/main.ts',
      {
        DISCORD_TOKEN: 'not-a-token',
        DISCORD_CLIENT_ID: 'not-a-snowflake',
        DEFAULT_TIMEZONE: 'Mars/Olympus',
      },
      dir,
    );
    expect(await running.exited).toBe(1);
    const output = running.output();
    for (const key of ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DEFAULT_TIMEZONE'])
      expect(output).toContain(key);
    expect(output).not.toContain('not-a-token');
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain('sandbox');
    expect(output).toContain('README.md');
    expect(output).not.toContain('not-a-snowflake');
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('npm run register PUTs the commands to the configured server through DISCORD_API_URL', async () => {
    running = runBotProcess('src/cli/register.ts', { ...baseEnv(), DISCORD_GUILD_ID: standIn.guild.id }, dir);
    expect(await running.exited).toBe(0);
    const registered = standIn.registeredCommands.get(standIn.guild.id) as { name: string }[] | undefined;
    expect(registered?.map((c) => c.name)).toEqual(expect.arrayContaining(['help', 'deck']));
    expect(running.output()).toMatch(/Registered \d+ commands/);
  });
});
