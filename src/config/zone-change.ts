import type { Db } from '../db/database';

/**
 * MERGE POINT (board branch): standings are bucketed by local week/month, so after a time-zone change
 * they must be rebuilt from the answer events with `rebuildStandings(db, guildId)` from
 * `src/leaderboard/rebuild-standings.ts`. Replace the body with that call once it is on main.
 */
export function rebuildStandingsAfterZoneChange(_db: Db, _guildId: string): void {
  // TODO(lead): rebuildStandings(db, guildId) — not on main yet when this was written.
}
