import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { guilds } from '../db/schema';
import { ensureGuild, type GuildSettings } from '../guilds/guild-settings';
import { rebuildStandings } from '../leaderboard/rebuild-standings';

export interface DailySettingsPatch {
  dailyChannelId?: string;
  dailyTime?: string;
  timezone?: string;
  serviceCardEnabled?: boolean;
  dailyQuestionEnabled?: boolean;
}

/**
 * Applies a validated `/config` change. Every change bumps settingsVersion and clears the last daily
 * error, which is what lets a post that failed today be tried again on the next tick. A time-zone
 * change moves answers between local weeks and months, so the standings are rebuilt from the events.
 */
export function updateDailySettings(
  db: Db,
  guildId: string,
  patch: DailySettingsPatch,
  defaultTimezone: string,
  now: number,
): GuildSettings {
  return db.transaction((tx) => {
    const before = ensureGuild(tx, guildId, defaultTimezone, now);
    const after = tx
      .update(guilds)
      .set({
        ...patch,
        settingsVersion: sql`${guilds.settingsVersion} + 1`,
        lastDailyError: null,
        lastDailyErrorAt: null,
      })
      .where(eq(guilds.id, guildId))
      .returning()
      .get();
    if (!after) throw new Error(`guild ${guildId} vanished while updating its settings`);
    // In the same transaction: nobody ever reads standings bucketed in a zone the server no longer has.
    if (after.timezone !== before.timezone) rebuildStandings(db, guildId);
    return after;
  });
}
