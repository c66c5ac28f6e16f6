import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import { startBot, type RunningBot } from '../../src/app/bot';
import { parseEnv } from '../../src/env';
import { diffCommands } from '../../src/host/command-sync';
import { startDiscordStandIn, type DiscordStandIn } from '../../src/stand-in';
import { captureLogs } from '../support/log-capture';
import { removeTestDatabase, TEST_TOKEN } from '../support/test-bot';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ours = commands.map((command) => command.data.toJSON());

describe('diffCommands', () => {
  it('finds nothing when Discord holds the same commands with its own fields and defaults added', () => {
    const remote = ours.map((command, i) => ({
      ...JSON.parse(JSON.stringify(command)),
      id: String(1000 + i),
      application_id: '1',
      version: '2',
      dm_permission: true,
      nsfw: false,
    }));
    expect(diffCommands(ours, remote)).toEqual({ missing: [], outdated: [], extra: [] });
  });

  it('names missing, outdated and no-longer-used commands', () => {
    const [first, second, ...rest] = ours.map((command) => JSON.parse(JSON.stringify(command)));
    const changed = { ...second, description: `${second.description} (old)` };
    const diff = diffCommands(ours, [changed, ...rest, { name: 'retired', description: 'x' }]);
    expect(diff).toEqual({ missing: [first.name], outdated: [second.name], extra: ['retired'] });
  });

  it('sees a changed localization or option as outdated', () => {
    const withOptions = ours.find((command) => (command.options ?? []).length > 0)!;
    const copy = JSON.parse(JSON.stringify(withOptions));
    copy.options[0].name_localizations = { 'pt-BR': 'outro-nome' };
    expect(diffCommands([withOptions], [copy]).outdated).toEqual([withOptions.name]);
  });
});

describe('the command check after login', () => {
  let standIn: DiscordStandIn;
  const bots: RunningBot[] = [];
  let databasePath: string;

  beforeEach(async () => {
    standIn = await startDiscordStandIn();
    databasePath = join(mkdtempSync(join(tmpdir(), 'exam-drill-sync-')), 'bot.sqlite');
  });
  afterEach(async () => {
    for (const bot of bots) await bot.stop();
    bots.length = 0;
    await standIn.close();
    removeTestDatabase(databasePath);
  });

  const boot = async (over: Record<string, string> = {}) => {
    const logs = captureLogs('info');
    const env = parseEnv({
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: standIn.applicationId,
      DISCORD_GUILD_ID: standIn.guild.id,
      DATABASE_PATH: databasePath,
      DISCORD_API_URL: standIn.apiUrl,
      ...over,
    });
    const bot = await startBot({ env, logger: logs.logger, clientOptions: { waitGuildTimeout: 100 } });
    bots.push(bot);
    return { bot, logs };
  };
  const puts = () => standIn.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/commands'));

  it('warns, with the fix, when the commands were never registered', async () => {
    const { logs } = await boot();
    const warning = logs.lines.find((line) => line.msg.startsWith('Slash commands at Discord differ'));
    expect(warning?.msg).toContain('missing: /help');
    expect(warning?.msg).toContain('npm run register');
    expect(puts()).toHaveLength(0);
  });

  it('with REGISTER_ON_START syncs them when they differ, and not again when they match', async () => {
    const first = await boot({ REGISTER_ON_START: 'true' });
    expect(puts()).toHaveLength(1);
    expect(
      first.logs.lines.some((line) => line.msg.startsWith(`Registered ${ours.length} slash commands`)),
    ).toBe(true);
    const registered = standIn.registeredCommands.get(standIn.guild.id) as { name: string }[];
    expect(registered.map((command) => command.name).sort()).toEqual(
      ours.map((command) => command.name).sort(),
    );

    await bots.pop()!.stop();
    const second = await boot({ REGISTER_ON_START: 'true' });
    expect(puts()).toHaveLength(1);
    expect(
      second.logs.lines.some((line) => line.msg.startsWith('Slash commands at Discord are up to date')),
    ).toBe(true);
  });
});
