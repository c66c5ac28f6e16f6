import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { guilds } from '../db/schema';
import { ensureGuild, type GuildSettings } from '../guilds/guild-settings';
import { rebuildStandings } from '../leaderboard/rebuild-standings';
import type { SlicedRebuildResult } from '../leaderboard/sliced-rebuild';
import type { StandingsRebuilder } from '../leaderboard/standings-rebuilder';

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
 * change moves answers between local weeks and months, so the standings are rebuilt from the events —
 * here synchronously, inside the transaction (small servers, tests, scripts); the bot uses
 * `changeDailySettings`, which does not hold the event loop.
 */
export function updateDailySettings(
  db: Db,
  guildId: string,
  patch: DailySettingsPatch,
  defaultTimezone: string,
  now: number,
): GuildSettings {
  // Immediate: it reads, then writes; deferred would fail (SQLITE_BUSY_SNAPSHOT) after another shard's write.
  return db.transaction(
    (tx) => {
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
    },
    { behavior: 'immediate' },
  );
}

export interface SettingsChange {
  /** The settings as saved now; with the old zone while a zone switch is still running. */
  guild: GuildSettings;
  /** The time-zone switch, when there is one: settles once the new standings and zone are in. */
  zoneSwitch: Promise<SlicedRebuildResult> | null;
}

/**
 * `/config`'s change: everything but the zone is saved at once; a new zone is stored by the rebuilder
 * together with the standings rebuilt in it (in slices, in the background), so the leaderboard never
 * shows periods of one zone counted in another.
 */
export function changeDailySettings(
  db: Db,
  rebuilder: StandingsRebuilder,
  guildId: string,
  patch: DailySettingsPatch,
  defaultTimezone: string,
  now: number,
): SettingsChange {
  const { timezone, ...rest } = patch;
  const guild = updateDailySettings(db, guildId, rest, defaultTimezone, now);
  // Queued even when it matches the zone saved now: an earlier switch may still be on its way.
  const zoneSwitch = timezone !== undefined ? rebuilder.switchTimeZone(guildId, timezone) : null;
  return { guild, zoneSwitch };
}
