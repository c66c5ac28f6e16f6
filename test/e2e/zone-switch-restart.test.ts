import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeDailySettings } from '../../src/config/daily-settings';
import { closeDatabase, openDatabase, type Db } from '../../src/db/database';
import { guilds } from '../../src/db/schema';
import type { DeckIndex } from '../../src/deck';
import { ensureGuild } from '../../src/guilds/guild-settings';
import { RebuildStopped } from '../../src/leaderboard/sliced-rebuild';
import { startDiscordStandIn, type DiscordStandIn } from '../../src/stand-in';
import { seedAnswer } from '../support/seed-answers';
import { allStandings, standingsFromScratch } from '../support/standings-rows';
import { removeTestDatabase, startTestBot, type TestBot } from '../support/test-bot';

const SAO_PAULO = 'America/Sao_Paulo';

/** The switch reads no question: an empty deck. */
const deck = {
  deck: { notesSha256: 'test', questions: [], services: [] },
  questionById: new Map(),
  servicesByName: new Map(),
  questionsByTopic: new Map(),
  questionsByDomain: new Map(),
  topics: [],
} as unknown as DeckIndex;

describe('a time-zone switch across a bot restart', () => {
  let standIn: DiscordStandIn;
  let bot: TestBot | undefined;
  beforeEach(async () => {
    standIn = await startDiscordStandIn();
  });
  afterEach(async () => {
    await bot?.stop();
    if (bot) removeTestDatabase(bot.databasePath);
    bot = undefined;
    await standIn.close();
  });

  const settings = (db: Db) =>
    db
      .select({ zone: guilds.timezone, pending: guilds.pendingTimezone })
      .from(guilds)
      .where(eq(guilds.id, standIn.guild.id))
      .get();
  const rowsIn = (db: Db, zone: string) =>
    allStandings(db, standIn.guild.id).filter((r) => r.zone === zone).length;

  it('stop() ends a running switch before the database closes, and the next start finishes it', async () => {
    bot = await startTestBot(standIn, { deck, features: [] });
    const { ctx } = bot;
    const guildId = standIn.guild.id;
    ensureGuild(ctx.db, guildId, 'Europe/Lisbon', 0);
    const start = Date.UTC(2026, 0, 5, 2); // a Monday 02:00 UTC: still Sunday in São Paulo
    // Enough that the switch, on its own thread at full speed, is still running when the bot stops.
    ctx.db.$client.transaction(() => {
      for (let i = 0; i < 6000; i += 1) {
        seedAnswer(ctx, {
          guildId,
          userId: `u${i % 5}`,
          points: i % 100,
          answeredAt: start + i * 7 * 3_600_000,
        });
      }
    })();
    const before = allStandings(ctx.db, guildId);
    const { zoneSwitch } = changeDailySettings(
      ctx.db,
      ctx.standings,
      guildId,
      { timezone: SAO_PAULO },
      'UTC',
      0,
    );
    const outcome = zoneSwitch!.then(
      () => 'switched',
      (error: unknown) => error,
    );
    // The bot's own switch (on its thread): on until some of the new zone's rows are written, then the bot stops.
    for (let i = 0; rowsIn(ctx.db, SAO_PAULO) === 0 && i < 100_000; i += 1) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(settings(ctx.db)).toEqual({ zone: 'Europe/Lisbon', pending: SAO_PAULO });
    await bot.stop();
    expect(await outcome).toBeInstanceOf(RebuildStopped);
    expect(bot.logs.lines.filter((line) => line.level >= 50)).toEqual([]);

    // On the file: the old zone and its standings as they were, and the request.
    const file = openDatabase(bot.databasePath);
    try {
      expect(settings(file)).toEqual({ zone: 'Europe/Lisbon', pending: SAO_PAULO });
      const visible = allStandings(file, guildId).filter((r) => r.zone === '' || r.zone === 'Europe/Lisbon');
      expect(visible).toEqual(before);
      expect(visible).toEqual(standingsFromScratch(file, guildId));
    } finally {
      closeDatabase(file);
    }

    bot = await startTestBot(standIn, { deck, features: [], databasePath: bot.databasePath });
    await bot.ctx.standings.settled();
    expect(settings(bot.ctx.db)).toEqual({ zone: SAO_PAULO, pending: null });
    const after = allStandings(bot.ctx.db, guildId);
    expect(after).toEqual(standingsFromScratch(bot.ctx.db, guildId));
    expect(after).not.toEqual(before);
    expect(bot.logs.lines.map((line) => line.msg)).toContain('time zone switched, standings rebuilt');
  });
});
