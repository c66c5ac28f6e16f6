import { commands } from '../../commands';
import { request } from 'node:http';
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeckIndex, loadDeck } from '../../src/deck';
import { createLogger } from '../../src/shared/logger';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/sandbox';
import { planAnswers } from '../../src/sandbox/simulated-members';
import { matchQ, orderQ } from '../quiz/fixtures';
import type { StoredMessage } from '../../src/stand-in';

// Every TCP connection any part of the process opens (discord.js REST and gateway, the page, fetch).
const connections: string[] = [];
const originalConnect = Socket.prototype.connect;

interface Row {
  components?: { custom_id?: string; disabled?: boolean }[];
}
const customIds = (m: StoredMessage) =>
  (m.components as Row[]).flatMap((r) => r.components ?? []).map((c) => c.custom_id ?? '');

describe('the sandbox', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
      const [first] = args;
      const host =
        typeof first === 'object' && first !== null && 'host' in first
          ? String((first as { host?: unknown }).host)
          : typeof args[1] === 'string'
            ? args[1]
            : 'localhost';
      connections.push(host);
      return (originalConnect as (...a: unknown[]) => Socket).apply(this, args);
    } as typeof Socket.prototype.connect;
    const deck = loadDeck();
    sandbox = await startSandbox({
      logger: createLogger('silent'),
      port: 0,
      deck: createDeckIndex({ ...deck, questions: deck.questions.filter((q) => q.type === 'single') }),
      // Fixed dice: every simulated member answers, halfway through the time left. With Math.random all
      // four skip or are late about once in 300 runs, and an answer late in the window can miss the
      // deadline on a loaded machine; either leaves no click to see (the test failed in CI once).
      simulatedRandom: () => 0.5,
    });
  }, 60_000);

  afterAll(async () => {
    await sandbox?.stop();
    Socket.prototype.connect = originalConnect;
  });

  it('listens on 127.0.0.1 only: the page, the REST stand-in and its gateway', () => {
    expect(sandbox.web.address.address).toBe('127.0.0.1');
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(sandbox.standIn.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    expect(sandbox.bot.client.options.rest?.api).toBe(sandbox.standIn.apiUrl);
  });

  it('answers only requests addressed to 127.0.0.1 or localhost (no DNS rebinding)', async () => {
    const status = (host: string) =>
      new Promise<number>((resolveStatus, reject) => {
        const req = request(`${sandbox.url}api/state`, { headers: { host } }, (res) => {
          res.resume();
          resolveStatus(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    const { port } = sandbox.web.address;
    expect(await status(`127.0.0.1:${port}`)).toBe(200);
    expect(await status(`localhost:${port}`)).toBe(200);
    expect(await status(`attacker.example:${port}`)).toBe(421);
  });

  it('registers every command into the stand-in, as npm run register would', () => {
    const registered = sandbox.standIn.registeredCommands.get(sandbox.standIn.guild.id) as { name: string }[];
    expect(registered.map((c) => c.name).sort()).toEqual(commands.map((c) => c.data.name).sort());
    expect(registered.length).toBeGreaterThanOrEqual(9);
  });

  it('plays a round through the page API with simulated members answering, then sends nothing outside 127.0.0.1', async () => {
    const [ana] = sandbox.cast.visitors;
    const response = await fetch(`${sandbox.url}api/interact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'command',
        memberId: ana!.id,
        channelId: sandbox.standIn.guild.textChannelId,
        name: 'quiz',
        options: [
          {
            name: 'start',
            type: 1,
            options: [
              { name: 'questions', type: 4, value: 1 },
              { name: 'seconds', type: 4, value: 10 },
            ],
          },
        ],
      }),
    });
    expect(await response.json()).toMatchObject({ answered: true });
    const simulatedIds = new Set(sandbox.cast.simulated.map((s) => s.member.id));
    // Their private acknowledgements: simulated members clicked like any member.
    await expect
      .poll(
        () =>
          [...sandbox.standIn.messages.values()].filter(
            (m) => m.ephemeral && simulatedIds.has(sandbox.standIn.messageRecipient(m) ?? ''),
          ).length,
        { timeout: 15_000, interval: 200 },
      )
      .toBeGreaterThan(0);
    await sandbox.standIn.waitForMessage(
      (m) => m.embeds.length > 0 && JSON.stringify(m.embeds).includes('Fim da rodada'),
      30_000,
    );
    const outside = connections.filter((host) => !['127.0.0.1', 'localhost', '::1'].includes(host));
    expect(connections.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    expect(sandbox.standIn.identifiedTokens).toEqual([sandbox.standIn.token]);
  }, 60_000);

  it('each daily trigger posts the next day: the card and question, then closes the previous question', async () => {
    const post = () =>
      fetch(`${sandbox.url}api/daily`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }).then(
        (r) => r.json() as Promise<{ posted: { kind: string; localDate: string }[]; closed: number[] }>,
      );
    const first = await post();
    expect(first.posted.map((p) => p.kind).sort()).toEqual(['question', 'service']);
    const second = await post();
    expect(second.posted.map((p) => p.kind).sort()).toEqual(['question', 'service']);
    expect(second.posted[0]!.localDate > first.posted[0]!.localDate).toBe(true);
    expect(second.closed.length).toBe(1);
    const daily = [...sandbox.standIn.messages.values()].filter((m) =>
      customIds(m).some((id) => id.startsWith('1:dq:')),
    );
    expect(daily.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses what a member could not do, and posts that are not JSON', async () => {
    const click = await fetch(`${sandbox.url}api/interact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'button',
        memberId: sandbox.cast.visitors[0]!.id,
        messageId: '1',
        customId: 'x',
      }),
    });
    expect(click.status).toBe(409);
    const form = await fetch(`${sandbox.url}api/daily`, { method: 'POST', body: 'a=1' });
    expect(form.status).toBe(415);
    const stranger = await fetch(`${sandbox.url}api/interact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'button',
        memberId: sandbox.cast.simulated[0]!.member.id,
        messageId: '1',
        customId: 'x',
      }),
    });
    expect(stranger.status).toBe(400);
  });
});

describe('planAnswers (simulated members)', () => {
  const question = {
    type: 'single',
    options: ['a', 'b', 'c', 'd'],
    answers: [2],
  } as unknown as Parameters<typeof planAnswers>[0]['question'];
  const members = Array.from({ length: 200 }, (_, i) => ({
    member: { id: String(i), username: `m${i}`, permissions: 0n, locale: 'pt-BR', roles: [] },
    skill: 0.5,
  }));

  it('some right, some wrong, some late, some skip, all within human delays', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const plans = planAnswers({ question, remainingMs: 20_000, members, random });
    const right = plans.filter((p) => p.correct);
    expect(right.length).toBeGreaterThan(40);
    expect(plans.length - right.length).toBeGreaterThan(40);
    expect(right.every((p) => p.options[0] === 2)).toBe(true);
    expect(plans.filter((p) => !p.correct).every((p) => p.options[0] !== 2)).toBe(true);
    expect(plans.filter((p) => p.late).every((p) => p.delayMs > 20_000)).toBe(true);
    expect(plans.filter((p) => p.late).length).toBeGreaterThan(5);
    expect(plans.length).toBeLessThan(200);
    expect(plans.filter((p) => !p.late).every((p) => p.delayMs >= 2_000 && p.delayMs <= 17_000)).toBe(true);
  });

  it('plans a whole choice for ordering and matching panels: the key when right, a wrong one otherwise', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (const fixture of [orderQ, matchQ]) {
      const plans = planAnswers({ question: fixture, remainingMs: 20_000, members, random });
      for (const plan of plans) {
        expect(plan.options).toHaveLength(fixture.answers.length);
        expect(plan.options.join() === fixture.answers.join()).toBe(plan.correct);
      }
      expect(plans.some((p) => p.correct) && plans.some((p) => !p.correct)).toBe(true);
    }
  });
});
