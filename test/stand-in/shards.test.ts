import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { shardOfGuild } from '../../src/discord/shards';
import { startDiscordStandIn, type DiscordStandIn } from '../../src/stand-in';
import { snowflakeInShard } from '../../src/stand-in/ids';
import { nextInteraction } from '../support/connect-client';

// Real discord.js clients, each running one shard, against the stand-in's gateway.

let standIn: DiscordStandIn | undefined;
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) await client.destroy();
  await standIn?.close();
  standIn = undefined;
});

async function connectShard(stand: DiscordStandIn, shards: number[] | undefined, shardCount?: number) {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: stand.apiUrl },
    waitGuildTimeout: 100,
    ...(shards ? { shards, shardCount } : {}),
  });
  clients.push(client);
  client.on(Events.Error, () => {});
  const ready = once(client, Events.ClientReady);
  await client.login(stand.token);
  await ready;
  return client;
}

function noInteraction(client: Client, ms = 300): Promise<Interaction | null> {
  return nextInteraction(client, ms).catch(() => null);
}

describe('shard ids', () => {
  it('makes snowflakes in the shard asked for, unique, near now', () => {
    const ids = Array.from({ length: 200 }, (_, i) => snowflakeInShard(i % 3, 3));
    expect(new Set(ids).size).toBe(200);
    ids.forEach((id, i) => expect(shardOfGuild(id, 3)).toBe(i % 3));
    const ms = Number((BigInt(ids[0]!) >> 22n) + 1420070400000n);
    expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
  });

  it('gives a guild option with `shard` an id in that shard', async () => {
    standIn = await startDiscordStandIn({
      guilds: [
        { name: 'zero', shard: [0, 2] },
        { name: 'one', shard: [1, 2] },
        { name: 'one too', shard: [1, 2] },
      ],
    });
    expect(standIn.guilds.map((g) => shardOfGuild(g.id, 2))).toEqual([0, 1, 1]);
  });
});

describe('a sharded bot on the stand-in', () => {
  const twoShardGuilds = () => [
    { name: 'zero', shard: [0, 2] as [number, number] },
    { name: 'one', shard: [1, 2] as [number, number] },
  ];

  it('gives each session READY with its shard and only its guilds', async () => {
    standIn = await startDiscordStandIn({ guilds: twoShardGuilds() });
    const [zero, one] = standIn.guilds;
    const first = await connectShard(standIn, [0], 2);
    const second = await connectShard(standIn, [1], 2);
    expect(first.guilds.cache.map((g) => g.name)).toEqual(['zero']);
    expect(second.guilds.cache.map((g) => g.name)).toEqual(['one']);
    expect(first.ws.shards.first()?.id).toBe(0);
    expect(second.ws.shards.first()?.id).toBe(1);
    expect(
      standIn
        .readySessions()
        .map((s) => [s.shard, s.guildIds])
        .sort(),
    ).toEqual([
      [[0, 2], [zero!.id]],
      [[1, 2], [one!.id]],
    ]);
  });

  it('sends a guild’s interactions to the session owning it, and only there', async () => {
    standIn = await startDiscordStandIn({ guilds: twoShardGuilds() });
    const [zero, one] = standIn.guilds;
    const first = await connectShard(standIn, [0], 2);
    const second = await connectShard(standIn, [1], 2);
    const member = standIn.member();

    const toFirst = nextInteraction(first);
    const notSecond = noInteraction(second);
    standIn.runCommand({ member, name: 'ping', guildId: zero!.id });
    expect((await toFirst).guildId).toBe(zero!.id);
    expect(await notSecond).toBeNull();

    const toSecond = nextInteraction(second);
    const notFirst = noInteraction(first);
    standIn.runCommand({ member, name: 'ping', guildId: one!.id });
    expect((await toSecond).guildId).toBe(one!.id);
    expect(await notFirst).toBeNull();
  });

  it('sends a guild’s events (CHANNEL_DELETE) to its shard only', async () => {
    standIn = await startDiscordStandIn({ guilds: twoShardGuilds() });
    const [zero] = standIn.guilds;
    const first = await connectShard(standIn, [0], 2);
    const second = await connectShard(standIn, [1], 2);
    let secondHeard = 0;
    second.on(Events.ChannelDelete, () => (secondHeard += 1));
    const deleted = once(first, Events.ChannelDelete);
    standIn.deleteChannel(zero!.textChannelId);
    const [channel] = (await deleted) as [{ id: string }];
    expect(channel.id).toBe(zero!.textChannelId);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(secondHeard).toBe(0);
  });

  it('refuses an interaction for a guild whose shard is not connected', async () => {
    standIn = await startDiscordStandIn({ guilds: twoShardGuilds() });
    await connectShard(standIn, [0], 2);
    expect(() =>
      standIn!.runCommand({ member: standIn!.member(), name: 'ping', guildId: standIn!.guilds[1]!.id }),
    ).toThrow(/no client session owns guild/);
  });

  it('waits for the session of a given shard', async () => {
    standIn = await startDiscordStandIn({ guilds: twoShardGuilds() });
    await connectShard(standIn, [0], 2);
    const secondReady = standIn.waitForClientReady({ shard: 1, timeoutMs: 10_000 });
    let settled = false;
    void secondReady.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false); // shard 0's session does not count
    await connectShard(standIn, [1], 2);
    await secondReady;
  });

  it('gives an unsharded session every guild, as before', async () => {
    standIn = await startDiscordStandIn({ guilds: twoShardGuilds() });
    const client = await connectShard(standIn, undefined);
    expect(client.guilds.cache.map((g) => g.name).sort()).toEqual(['one', 'zero']);
    expect(standIn.readySessions().map((s) => s.shard)).toEqual([[0, 1]]);
  });

  it('closes an IDENTIFY with a shard id outside its count (4010)', async () => {
    standIn = await startDiscordStandIn();
    const socket = new WebSocket(standIn.apiUrl.replace(/^http/, 'ws').replace(/\/api$/, ''));
    await once(socket, 'message'); // HELLO
    socket.send(JSON.stringify({ op: 2, d: { token: standIn.token, intents: 1, shard: [2, 2] } }));
    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(4010);
  });
});

describe('GET /gateway/bot', () => {
  const shardsOf = async (stand: DiscordStandIn) => {
    const response = await fetch(`${stand.apiUrl}/v10/gateway/bot`, {
      headers: { authorization: `Bot ${stand.token}` },
    });
    return ((await response.json()) as { shards: number }).shards;
  };

  it('recommends one shard per 1,000 guilds, at least one, or what the test asks for', async () => {
    standIn = await startDiscordStandIn();
    expect(await shardsOf(standIn)).toBe(1);
    await standIn.close();
    standIn = await startDiscordStandIn({
      guilds: Array.from({ length: 1001 }, (_, i) => ({ name: `g${i}`, channels: [{ name: 'geral' }] })),
    });
    expect(await shardsOf(standIn)).toBe(2);
    await standIn.close();
    standIn = await startDiscordStandIn({ recommendedShards: 3 });
    expect(await shardsOf(standIn)).toBe(3);
  });
});
