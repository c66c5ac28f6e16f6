import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { guilds } from '../../src/db/schema';
import { dailyPostsFeature } from '../../src/daily/daily-feature';
import { ensureGuild } from '../../src/guilds/guild-settings';
import { startDiscordStandIn, type DiscordStandIn } from '../../src/stand-in';
import { removeTestDatabase, startTestBot, type TestBot } from '../support/test-bot';

/** The start-up warning about daily channels the bot can no longer post in. */
describe('daily channel check at start-up', () => {
  let standIn: DiscordStandIn | undefined;
  let bot: TestBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    if (bot) removeTestDatabase(bot.databasePath);
    await standIn?.close();
  });

  it('warns, naming the missing permissions and the fix; a channel the bot may use gives no warning', async () => {
    standIn = await startDiscordStandIn({
      guilds: [
        {
          name: 'Grupo de estudo',
          channels: [
            { name: 'geral' },
            { name: 'avisos', denyBot: PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks },
          ],
        },
      ],
    });
    const [open, closed] = standIn.guild.channels;
    const configure = async (channelId: string) => {
      const first = await startTestBot(standIn!, {
        features: [],
        ...(bot ? { databasePath: bot.databasePath } : {}),
      });
      ensureGuild(first.ctx.db, standIn!.guild.id, 'America/Sao_Paulo', Date.now());
      first.ctx.db.update(guilds).set({ dailyChannelId: channelId }).run();
      await first.stop();
      return startTestBot(standIn!, { features: [dailyPostsFeature()], databasePath: first.databasePath });
    };

    bot = await configure(open!.id);
    const warned = () => bot!.logs.lines.filter((line) => line.msg.includes('where its daily posts go'));
    expect(warned()).toEqual([]);
    await bot.stop();

    bot = await configure(closed!.id);
    expect(warned()).toHaveLength(1);
    expect(warned()[0]!.msg).toBe(
      'The bot lacks SendMessages, EmbedLinks in #avisos of “Grupo de estudo”, where its daily posts go: ' +
        'grant them to its role in that channel, or choose another with /config channel',
    );
  });
});
