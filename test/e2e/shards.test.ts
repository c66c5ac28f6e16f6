import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/database';
import { guilds } from '../../src/db/schema';
import { shardOfGuild } from '../../src/discord/shards';
import { ensureGuild } from '../../src/guilds/guild-settings';
import {
  startDiscordStandIn,
  type DiscordStandIn,
  type StandInGuild,
  type StandInMember,
  type StoredMessage,
} from '../../src/stand-in';
import { killBotProcess, runBotProcess, type BotProcess } from '../support/bot-process';

// The real bot with SHARDS=2, as a host runs it: a manager process and two shard processes (each the
// bot's own entry file), on one SQLite file, against the stand-in's sharded gateway.

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.GoUtSd.sharded-process-token-0123456789';
const ACCEPTED = [200, 204];
const START_TIMEOUT_MS = 60_000;

interface LogLine {
  level: number;
  msg: string;
  shard?: number;
  [key: string]: unknown;
}

/** The JSON lines of the manager and both shards (they share stdout); a torn line is skipped. */
function logLines(run: BotProcess): LogLine[] {
  return run
    .output()
    .split('\n')
    .flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
}

interface Component {
  type: number;
  custom_id?: string;
  min_values?: number;
  options?: { value: string }[];
  components?: Component[];
}

/** A member answers a question message with its first control: a button, or the first options of a menu. */
function answerFirst(standIn: DiscordStandIn, member: StandInMember, message: StoredMessage) {
  const controls = (message.components as Component[]).flatMap((row) => row.components ?? []);
  const first = controls.find((c) => c.custom_id && (c.type === 2 || c.type === 3));
  if (!first?.custom_id) throw new Error('the question has no answer control');
  return first.type === 2
    ? standIn.clickButton({ member, customId: first.custom_id, messageId: message.id })
    : standIn.selectMenu({
        member,
        customId: first.custom_id,
        messageId: message.id,
        values: (first.options ?? []).slice(0, first.min_values ?? 1).map((o) => o.value),
      });
}

describe('the bot with SHARDS=2', () => {
  let standIn: DiscordStandIn;
  let dir: string;
  let databasePath: string;
  let running: BotProcess | undefined;

  // Two servers per shard, with ids made to fall into each one.
  const startStandIn = (options: { recommendedShards?: number } = {}) =>
    startDiscordStandIn({
      ...options,
      guilds: [0, 1, 0, 1].map((shard, i) => ({
        name: `Servidor ${i} (shard ${shard})`,
        shard: [shard, 2] as [number, number],
        channels: [{ name: 'geral' }, { name: 'quiz' }],
      })),
    });

  beforeEach(async () => {
    standIn = await startStandIn();
    dir = mkdtempSync(join(tmpdir(), 'exam-drill-shards-'));
    databasePath = join(dir, 'bot.sqlite');
  });
  afterEach(async () => {
    await killBotProcess(running);
    running = undefined;
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = () => ({
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: standIn.applicationId,
    DATABASE_PATH: databasePath,
    DISCORD_API_URL: standIn.apiUrl,
    LOG_LEVEL: 'info',
    SHARDS: '2',
  });

  /** Every server posts daily in #geral from 00:00 UTC, so the posts are due at the shards' first tick. */
  const configureDailyPosts = () => {
    const db = openDatabase(databasePath);
    for (const guild of standIn.guilds) {
      ensureGuild(db, guild.id, 'UTC', Date.now());
      db.update(guilds)
        .set({ dailyChannelId: guild.textChannelId, dailyTime: '00:00' })
        .where(eq(guilds.id, guild.id))
        .run();
    }
    closeDatabase(db);
  };

  const startSharded = async (shards = '2') => {
    const run = runBotProcess('src/main.ts', { ...env(), SHARDS: shards }, dir);
    running = run;
    await expect
      .poll(() => logLines(run).some((l) => l.msg === 'All 2 shards are ready'), {
        timeout: START_TIMEOUT_MS,
        interval: 200,
      })
      .toBe(true);
    await standIn.waitForClientReady({ shard: 0 });
    await standIn.waitForClientReady({ shard: 1 });
    return run;
  };

  const stop = async (run: BotProcess) => {
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  };

  const quizChannel = (guild: StandInGuild) => guild.channels.find((c) => c.name === 'quiz')!.id;

  const botMessages = (channelId: string) =>
    standIn.channelMessages(channelId).filter((m) => !m.ephemeral && m.interactionId === undefined);

  const dailyRows = () => {
    const db = new Database(databasePath, { readonly: true });
    try {
      return db
        .prepare('select guild_id as guildId, kind, local_date as localDate from daily_posts')
        .all() as {
        guildId: string;
        kind: string;
        localDate: string;
      }[];
    } finally {
      db.close();
    }
  };

  it('runs two shard processes on one database: each serves, posts daily for and resumes the rounds of its own servers', async () => {
    configureDailyPosts();
    const first = await startSharded();

    // Each shard's client holds its own servers only, as the stand-in's READY gave them.
    const sessions = standIn.readySessions();
    expect(sessions.map((s) => s.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const session of sessions)
      expect(session.guildIds.every((id) => shardOfGuild(id, 2) === session.shard[0])).toBe(true);

    // Daily posts: the service of the day and the question of the day, once per server, each sent by
    // the shard owning the server (both shards read all four servers' settings).
    await expect
      .poll(() => standIn.guilds.map((g) => botMessages(g.textChannelId).length), {
        timeout: 20_000,
        interval: 200,
      })
      .toEqual([2, 2, 2, 2]);
    const sent = logLines(first).filter((l) => l.msg === 'daily post sent');
    expect(sent).toHaveLength(8);
    for (const line of sent) expect(line.shard).toBe(shardOfGuild(String(line.guildId), 2));

    // A round in a server of each shard: the question is posted and an answer acknowledged.
    const member = standIn.member({ username: 'ana' });
    const roundGuilds = [standIn.guilds[0]!, standIn.guilds[1]!];
    for (const guild of roundGuilds) {
      const channelId = quizChannel(guild);
      const start = standIn.runCommand({
        member,
        guildId: guild.id,
        channelId,
        name: 'quiz',
        options: [
          {
            name: 'start',
            type: 1,
            options: [
              { name: 'questions', type: 4, value: 2 },
              { name: 'seconds', type: 4, value: 60 },
              { name: 'tier', type: 3, value: 'drill' },
            ],
          },
        ],
      });
      expect((await start.callback(10_000)).status).toBeOneOf(ACCEPTED);
      const question = await standIn.waitForMessage(
        (m) => m.channel_id === channelId && !m.ephemeral && m.components.length > 0,
        10_000,
      );
      const ack = await answerFirst(standIn, member, question).callback(10_000);
      expect(ack.status).toBeOneOf(ACCEPTED);
      expect(ack.ephemeral).toBe(true);
    }

    // Stop: the manager passes SIGTERM on, each shard stops cleanly, the rounds stay running in SQLite.
    await stop(first);
    const stopped = logLines(first).filter((l) => l.msg === 'bot stopped');
    expect(stopped.map((l) => l.shard).sort()).toEqual([0, 1]);

    // Start again: each round is resumed by the shard owning its server, and by no other; the daily
    // posts already went out today, so none goes out again.
    const second = await startSharded();
    await expect
      .poll(() => logLines(second).filter((l) => l.msg === 'resuming quiz round').length, {
        timeout: 20_000,
        interval: 200,
      })
      .toBe(2);
    const resumed = logLines(second).filter((l) => l.msg === 'resuming quiz round');
    const channelShard = new Map(roundGuilds.map((g) => [quizChannel(g), shardOfGuild(g.id, 2)]));
    expect(resumed.map((l) => [l.channelId, l.shard]).sort()).toEqual([...channelShard.entries()].sort());
    // Let both shards' start-up ticks run, then count: still one post of each kind per server and day.
    await expect
      .poll(() => logLines(second).filter((l) => l.msg === 'Logged in as Exam Drill in 2 servers').length, {
        timeout: 20_000,
      })
      .toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(standIn.guilds.map((g) => botMessages(g.textChannelId).length)).toEqual([2, 2, 2, 2]);
    const rows = dailyRows();
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => `${r.guildId}/${r.kind}/${r.localDate}`)).size).toBe(8);
    expect(logLines(second).filter((l) => l.msg === 'daily post sent')).toHaveLength(0);

    await stop(second);
  }, 150_000);

  it('SHARDS=auto starts as many shards as GET /gateway/bot recommends', async () => {
    await standIn.close();
    standIn = await startStandIn({ recommendedShards: 2 });
    const run = await startSharded('auto');
    expect(logLines(run).some((l) => l.msg === 'Starting 2 shards')).toBe(true);
    expect(standIn.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(
      standIn
        .readySessions()
        .map((s) => s.shard)
        .sort(),
    ).toEqual([
      [0, 2],
      [1, 2],
    ]);
    await stop(run);
  }, 90_000);

  it('stops every shard and exits 1 when one shard dies (the supervisor restarts the bot)', async () => {
    const run = await startSharded();
    const shardPid = logLines(run).find((l) => l.shard === 1 && typeof l.pid === 'number')?.pid as number;
    const managerPid = run.child.pid;
    expect(shardPid).toBeGreaterThan(0);
    expect(shardPid).not.toBe(managerPid);
    process.kill(shardPid, 'SIGKILL');
    expect(await run.exited).toBe(1);
    const lines = logLines(run);
    expect(lines.some((l) => l.msg === 'shard 1 exited (code null)')).toBe(true);
    // The other shard stopped cleanly, its rounds left in SQLite for the next start.
    expect(lines.filter((l) => l.msg === 'bot stopped').map((l) => l.shard)).toEqual([0]);
  }, 90_000);

  it('refuses a second, independent bot on the database the sharded bot holds', async () => {
    const sharded = await startSharded();
    const { SHARDS: _shards, ...single } = env();
    const intruder = runBotProcess('src/main.ts', single, dir);
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toContain('Another Exam Drill is already running on DATABASE_PATH');
    await stop(sharded);
  }, 90_000);
});
