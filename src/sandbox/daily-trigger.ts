import { updateDailySettings } from '../config/daily-settings';
import { runDailyTick, type DailyTickResult } from '../daily/daily-tick';
import { discordSender } from '../daily/sender';
import type { AppContext } from '../app/context';
import { ensureGuild } from '../guilds/guild-settings';
import { dailySlotInstant } from '../time/daily-schedule';
import { addDays, localDateOf } from '../time/zoned';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * "Post the daily posts now" for the page. The daily posts go out once per server and local day, so each
 * press runs the real daily tick at the next local day's post time that has not been posted yet: the
 * first press posts today's, the next one tomorrow's (which closes today's question of the day with its
 * results), and so on. The channel defaults to `fallbackChannelId` when /config never set one.
 */
export function createDailyTrigger(ctx: AppContext, guildId: string, fallbackChannelId: string) {
  let dayOffset = 0;
  return async function triggerDaily(): Promise<DailyTickResult> {
    const now = ctx.now();
    let guild = ensureGuild(ctx.db, guildId, ctx.env.DEFAULT_TIMEZONE, now);
    if (!guild.dailyChannelId) {
      guild = updateDailySettings(
        ctx.db,
        guildId,
        { dailyChannelId: fallbackChannelId },
        ctx.env.DEFAULT_TIMEZONE,
        now,
      );
    }
    const tickContext = {
      db: ctx.db,
      stores: ctx.stores,
      deck: ctx.deck,
      logger: ctx.logger.child({ feature: 'sandbox-daily' }),
      sender: discordSender(ctx.client),
    };
    let result: DailyTickResult = { posted: [], failed: [], closed: [] };
    // A few days ahead at most: a day whose posts are all off posts nothing, and that is an answer too.
    for (let tries = 0; tries < 7 && result.posted.length === 0 && result.failed.length === 0; tries += 1) {
      const today = localDateOf(now, guild.timezone);
      const slot = dailySlotInstant(addDays(today, dayOffset), guild.timezone, guild.dailyTime);
      result = await runDailyTick(tickContext, Math.max(now + dayOffset * DAY_MS, slot));
      dayOffset += 1;
    }
    return result;
  };
}
