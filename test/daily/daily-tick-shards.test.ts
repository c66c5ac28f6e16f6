import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStores } from '../../src/app/stores';
import { closeDatabase, openDatabase, type Db } from '../../src/db/database';
import { dailyPosts, guilds } from '../../src/db/schema';
import { runDailyTick, type DailyTickContext } from '../../src/daily/daily-tick';
import { ownsGuildFor, shardOfGuild } from '../../src/discord/shards';
import { createLogger } from '../../src/shared/logger';
import { FakeSender, smallDeck } from '../support/daily-fixtures';
import { createTempDb } from '../support/temp-db';

// Two shards = two connections to one file, each ticking with its own ownsGuild.

const deck = smallDeck();
const logger = createLogger('silent');
// (id >> 22) is the timestamp part: these fall in shards 0, 1, 0, 1 of 2.
const GUILD_IDS = [1000n, 1001n, 1002n, 1003n].map((ms) => ((ms << 22n) | 7n).toString());

describe('runDailyTick with shards', () => {
  let temp: ReturnType<typeof createTempDb>;
  let other: Db;
  beforeEach(() => {
    temp = createTempDb();
    other = openDatabase(temp.path);
    for (const id of GUILD_IDS)
      temp.db
        .insert(guilds)
        .values({ id, timezone: 'UTC', dailyTime: '09:00', dailyChannelId: `ch-${id}`, createdAt: 0 })
        .run();
  });
  afterEach(() => {
    closeDatabase(other);
    temp.cleanup();
  });

  const now = Date.parse('2026-05-04T09:30:00Z');
  const shard = (db: Db, id: number | null): { ctx: DailyTickContext; sender: FakeSender } => {
    const sender = new FakeSender();
    return {
      sender,
      ctx: {
        db,
        stores: createStores(db),
        deck,
        logger,
        sender,
        ...(id === null ? {} : { ownsGuild: ownsGuildFor([id], 2) }),
      },
    };
  };

  it('posts for the servers of its own shard only', async () => {
    const zero = shard(temp.db, 0);
    const one = shard(other, 1);
    const [a, b] = await Promise.all([runDailyTick(zero.ctx, now), runDailyTick(one.ctx, now)]);
    expect(GUILD_IDS.map((id) => shardOfGuild(id, 2))).toEqual([0, 1, 0, 1]);
    expect(new Set(a.posted.map((p) => p.guildId))).toEqual(new Set([GUILD_IDS[0], GUILD_IDS[2]]));
    expect(new Set(b.posted.map((p) => p.guildId))).toEqual(new Set([GUILD_IDS[1], GUILD_IDS[3]]));
    expect(zero.sender.sent.map((m) => m.channelId).sort()).toEqual(
      [`ch-${GUILD_IDS[0]}`, `ch-${GUILD_IDS[0]}`, `ch-${GUILD_IDS[2]}`, `ch-${GUILD_IDS[2]}`].sort(),
    );
    expect(temp.db.select().from(dailyPosts).all()).toHaveLength(8);
  });

  it('still posts once when two processes tick for the same servers (no filter)', async () => {
    const first = shard(temp.db, null);
    const second = shard(other, null);
    await Promise.all([runDailyTick(first.ctx, now), runDailyTick(second.ctx, now)]);
    expect(first.sender.sent.length + second.sender.sent.length).toBe(8);
    expect(temp.db.select().from(dailyPosts).all()).toHaveLength(8);
  });
});
