import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/database';
import { dailyPosts, guilds } from '../../src/db/schema';
import { smallDeck } from '../support/daily-fixtures';
import { startDiscordStandIn, type DiscordStandIn } from '../../src/stand-in';
import { removeTestDatabase, startTestBot, type TestBot } from '../support/test-bot';

describe('the daily-posts feature (cron job) in the running bot', () => {
  let standIn: DiscordStandIn;
  let bots: TestBot[] = [];
  afterEach(async () => {
    for (const bot of bots) await bot.stop();
    if (bots[0]) removeTestDatabase(bots[0].databasePath);
    bots = [];
    await standIn.close();
  });

  it('catches up a missed post at start-up, and a restart the same day does not post again', async () => {
    standIn = await startDiscordStandIn();
    const databasePath = join(mkdtempSync(join(tmpdir(), 'exam-drill-daily-')), 'bot.sqlite');
    const db = openDatabase(databasePath);
    db.insert(guilds)
      .values({
        id: standIn.guild.id,
        timezone: 'America/Sao_Paulo',
        dailyTime: '09:00',
        dailyChannelId: standIn.guild.textChannelId,
        createdAt: 0,
      })
      .run();
    closeDatabase(db);
    // 11:00 in São Paulo: the bot was down at 09:00.
    const now = () => Date.parse('2026-11-27T14:00:00Z');
    const deck = smallDeck();

    const first = await startTestBot(standIn, { deck, now, databasePath });
    bots.push(first);
    await standIn.waitForMessage(
      (m) => m.channel_id === standIn.guild.textChannelId && m.content.includes('Pergunta do dia'),
    );
    await first.stop();

    const second = await startTestBot(standIn, { deck, now, databasePath });
    bots.push(second);
    // Let its start-up tick run to completion: stopping waits for the tick in flight.
    await second.stop();

    const check = openDatabase(databasePath);
    const rows = check.select().from(dailyPosts).all();
    closeDatabase(check);
    expect(rows.map((r) => [r.kind, r.localDate, r.messageId !== null])).toEqual([
      ['service', '2026-11-27', true],
      ['question', '2026-11-27', true],
    ]);
    expect(standIn.channelMessages(standIn.guild.textChannelId)).toHaveLength(2);
  });
});
