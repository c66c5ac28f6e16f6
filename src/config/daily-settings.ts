import { eq, sql, type SQL } from 'drizzle-orm';
import { IMMEDIATE, type Db } from '../db/database';
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
  // A zone set here is in at once: no switch is pending after it.
  const values = patch.timezone !== undefined ? { ...patch, pendingTimezone: null } : patch;
  // Immediate: it reads, then writes; deferred would fail (SQLITE_BUSY_SNAPSHOT) after another shard's write.
  return db.transaction((tx) => {
    const { before, after } = saveSettings(tx, guildId, values, defaultTimezone, now);
    // In the same transaction: nobody ever reads standings bucketed in a zone the server no longer has.
    if (after.timezone !== before.timezone) rebuildStandings(db, guildId);
    return after;
  }, IMMEDIATE);
}

/** What one settings write may set: a /config patch and the pending zone (a value or an SQL expression). */
type SettingsValues = DailySettingsPatch & { pendingTimezone?: string | null | SQL };

/** The one update of a settings change, inside the caller's transaction: the row before and after it. */
function saveSettings(
  tx: Pick<Db, 'select' | 'insert' | 'update'>,
  guildId: string,
  values: SettingsValues,
  defaultTimezone: string,
  now: number,
): { before: GuildSettings; after: GuildSettings } {
  const before = ensureGuild(tx, guildId, defaultTimezone, now);
  const after = tx
    .update(guilds)
    .set({
      ...values,
      settingsVersion: sql`${guilds.settingsVersion} + 1`,
      lastDailyError: null,
      lastDailyErrorAt: null,
    })
    .where(eq(guilds.id, guildId))
    .returning()
    .get();
  if (!after) throw new Error(`guild ${guildId} vanished while updating its settings`);
  return { before, after };
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
 * shows periods of one zone counted in another. Until then it is the server's `pendingTimezone`.
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
  // Stored with the rest, so a stop or crash during the rebuild does not lose the request (the next
  // start resumes it); it replaces an earlier one. The zone already stored needs none, unless another
  // switch is on its way: the queue then goes there and back, and a restart in between must come back.
  const pending =
    timezone === undefined
      ? {}
      : {
          pendingTimezone: sql`case when ${guilds.pendingTimezone} is null and ${guilds.timezone} = ${timezone}
                                    then null else ${timezone} end`,
        };
  const guild = db.transaction(
    (tx) => saveSettings(tx, guildId, { ...rest, ...pending }, defaultTimezone, now).after,
    IMMEDIATE,
  );
  // Queued even when it matches the zone saved now: an earlier switch may still be on its way.
  const zoneSwitch = timezone !== undefined ? rebuilder.switchTimeZone(guildId, timezone) : null;
  return { guild, zoneSwitch };
}
