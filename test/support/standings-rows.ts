import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/database';
import { standings } from '../../src/db/schema';
import { rebuildStandings } from '../../src/leaderboard/rebuild-standings';

export type StandingsRow = typeof standings.$inferSelect;

/** Every standings row of a server, every zone, in a stable order (period, scope, member). */
export function allStandings(db: Db, guildId = 'g1'): StandingsRow[] {
  return db
    .select()
    .from(standings)
    .where(eq(standings.guildId, guildId))
    .all()
    .map((r) => ({ ...r }))
    .sort((a, b) =>
      `${a.periodKind}|${a.periodKey}|${a.scope}|${a.userId}`.localeCompare(
        `${b.periodKind}|${b.periodKey}|${b.scope}|${b.userId}`,
      ),
    );
}

/** The weeks a member has an overall (scope '') row in, in g1, whatever their zone. */
export function weekKeysOf(db: Db, userId: string): string[] {
  return db
    .select({ key: standings.periodKey })
    .from(standings)
    .where(
      and(
        eq(standings.guildId, 'g1'),
        eq(standings.userId, userId),
        eq(standings.periodKind, 'week'),
        eq(standings.scope, ''),
      ),
    )
    .all()
    .map((row) => row.key);
}

/** What the synchronous from-scratch rebuild gives for the zone now stored, without changing the database. */
export function standingsFromScratch(db: Db, guildId = 'g1'): StandingsRow[] {
  const rollBack = new Error('roll back');
  let rows: StandingsRow[] = [];
  try {
    db.$client.transaction(() => {
      rebuildStandings(db, guildId);
      rows = allStandings(db, guildId);
      throw rollBack;
    })();
  } catch (error) {
    if (error !== rollBack) throw error;
  }
  return rows;
}
