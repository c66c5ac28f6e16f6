import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { startDiscordStandIn } from '../../src/stand-in';
import type { DiscordStandIn } from '../../src/stand-in';

// The bot as its own process, killed and restarted against the same stand-in.

const botScript = fileURLToPath(new URL('./fixtures/echo-bot.ts', import.meta.url));
let standIn: DiscordStandIn;
const children: ChildProcess[] = [];

async function startBot(): Promise<ChildProcess> {
  const child = fork(botScript, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DISCORD_API_URL: standIn.apiUrl, DISCORD_TOKEN: standIn.token },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  const [message] = await once(child, 'message');
  expect(message).toBe('ready');
  return child;
}

afterEach(async () => {
  for (const child of children) child.kill('SIGKILL');
  await standIn.close();
});

it('serves a restarted bot process after the first one was killed', async () => {
  standIn = await startDiscordStandIn();
  const first = await startBot();
  const member = standIn.member();
  const before = standIn.runCommand({ member, name: 'ping' });
  expect((await before.original()).content).toBe(`pid ${first.pid}`);

  first.kill('SIGKILL');
  await once(first, 'exit');
  const restarted = standIn.waitForClientReady({ fresh: true, timeoutMs: 20_000 });
  const second = await startBot();
  await restarted;
  const after = standIn.runCommand({ member, name: 'ping' });
  expect((await after.original()).content).toBe(`pid ${second.pid}`);
});
