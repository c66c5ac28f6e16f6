import { and, eq, gt, isNotNull, lt, lte, gte, notInArray, sql, type AnyColumn } from 'drizzle-orm';
import type { Db } from '../db/database';
import { answers, guilds, standings } from '../db/schema';

/** One week or month standings row of a server in one zone, as the rebuild sums and writes it. */
export type StandingTotal = Omit<typeof standings.$inferSelect, 'guildId' | 'zone'> & {
  periodKind: 'week' | 'month';
};
/** What the rebuild reads of an answer. */
export type RebuildAnswer = Pick<
  typeof answers.$inferSelect,
  'id' | 'userId' | 'points' | 'correct' | 'domain' | 'topic' | 'answeredAt'
>;

const p = sql.placeholder;
const excluded = (column: AnyColumn) => sql.raw(`excluded."${column.name}"`);
const countsOnLeaderboard = notInArray(answers.kind, ['practice', 'mock']); // see countsOnLeaderboard
const answerColumns = {
  id: answers.id,
  userId: answers.userId,
  points: answers.points,
  correct: answers.correct,
  domain: answers.domain,
  topic: answers.topic,
  answeredAt: answers.answeredAt,
};

/**
 * The upsert of a standings row, for every writer (the click path's 9 rows per answer, the rebuild's
 * totals): on the member's existing row it adds what the insert carried (`answered` is 1 for one answer,
 * a count for a total) and keeps the latest answer time.
 */
export const addToStandingsRow = {
  target: [
    standings.guildId,
    standings.zone,
    standings.periodKind,
    standings.periodKey,
    standings.scope,
    standings.userId,
  ],
  set: {
    points: sql`${standings.points} + ${excluded(standings.points)}`,
    answered: sql`${standings.answered} + ${excluded(standings.answered)}`,
    correct: sql`${standings.correct} + ${excluded(standings.correct)}`,
    lastAnsweredAt: sql`max(${standings.lastAnsweredAt}, ${excluded(standings.lastAnsweredAt)})`,
  },
};

/** SQL of the sliced time-zone rebuild (sliced-rebuild.ts), prepared once per Db (src/app/stores.ts). */
export function createRebuildStore(db: Db) {
  const maxAnswerId = db
    .select({ id: sql<number | null>`max(${answers.id})` })
    .from(answers)
    .prepare();
  // Two statements: SQLite answers a lone min() or max() from the index edge, both at once by a scan.
  const firstAnswerAt = db
    .select({ at: sql<number | null>`min(${answers.answeredAt})` })
    .from(answers)
    .where(eq(answers.guildId, p('guildId')))
    .prepare();
  const lastAnswerAt = db
    .select({ at: sql<number | null>`max(${answers.answeredAt})` })
    .from(answers)
    .where(eq(answers.guildId, p('guildId')))
    .prepare();
  // Keyset pages over answers_guild_time (guild, answered_at, then rowid): each page is one range seek.
  const answersInSpan = db
    .select(answerColumns)
    .from(answers)
    .where(
      and(
        eq(answers.guildId, p('guildId')),
        gte(answers.answeredAt, p('startMs')),
        lt(answers.answeredAt, p('endMs')),
        sql`(${answers.answeredAt}, ${answers.id}) > (${p('afterAt')}, ${p('afterId')})`,
        lte(answers.id, p('maxId')),
        countsOnLeaderboard,
      ),
    )
    .orderBy(answers.answeredAt, answers.id)
    .limit(p('limit'))
    .prepare();
  // `+guild_id` keeps the plan on the rowid range: the guild's time index would read the whole guild.
  const answersInIdRange = db
    .select(answerColumns)
    .from(answers)
    .where(
      and(
        gt(answers.id, p('afterId')),
        lte(answers.id, p('toId')),
        sql`+${answers.guildId} = ${p('guildId')}`,
        countsOnLeaderboard,
      ),
    )
    .orderBy(answers.id)
    .prepare();
  const guildZone = db
    .select({ timezone: guilds.timezone })
    .from(guilds)
    .where(eq(guilds.id, p('guildId')))
    .prepare();
  const rowValues = {
    guildId: p('guildId'),
    zone: p('zone'),
    periodKind: p('periodKind'),
    periodKey: p('periodKey'),
    scope: p('scope'),
    userId: p('userId'),
    points: p('points'),
    answered: p('answered'),
    correct: p('correct'),
    lastAnsweredAt: p('lastAnsweredAt'),
  };
  const insertRow = db.insert(standings).values(rowValues).prepare();
  // As the click path adds an answer, for the answers recorded while the new zone's rows were written.
  const addToRow = db.insert(standings).values(rowValues).onConflictDoUpdate(addToStandingsRow).prepare();
  const deleteZoneRows = db
    .delete(standings)
    .where(
      sql`rowid in (select rowid from ${standings}
                    where ${standings.guildId} = ${p('guildId')} and ${standings.zone} = ${p('zone')}
                    limit ${p('limit')})`,
    )
    .prepare();
  // One seek down the primary key (guild, zone, …) per zone, never a scan of the server's rows.
  const nextZone = db
    .select({ zone: standings.zone })
    .from(standings)
    .where(and(eq(standings.guildId, p('guildId')), gt(standings.zone, p('after'))))
    .orderBy(standings.zone)
    .limit(1)
    .prepare();
  // A pending request for this very zone is fulfilled; one for another zone (queued after it) stays.
  const storeZone = db
    .update(guilds)
    .set({
      timezone: sql`${p('timezone')}`,
      pendingTimezone: sql`nullif(${guilds.pendingTimezone}, ${p('timezone')})`,
      settingsVersion: sql`${guilds.settingsVersion} + 1`,
    })
    .where(eq(guilds.id, p('guildId')))
    .prepare();
  const dropPendingZone = db
    .update(guilds)
    .set({ pendingTimezone: null })
    .where(and(eq(guilds.id, p('guildId')), eq(guilds.pendingTimezone, p('timezone'))))
    .prepare();
  const pendingSwitches = db
    .select({ guildId: guilds.id, timezone: guilds.timezone, pendingTimezone: guilds.pendingTimezone })
    .from(guilds)
    .where(isNotNull(guilds.pendingTimezone))
    .prepare();

  return {
    /** Ids only grow and writes are serialised, so every answer up to the highest id is committed. */
    maxAnswerId: (): number => maxAnswerId.get()?.id ?? 0,
    /** The first and last answer times of the server (every kind: a span that surely covers them). */
    answerSpan: (guildId: string): { first: number; last: number } | null => {
      const first = firstAnswerAt.get({ guildId })?.at ?? null;
      const last = lastAnswerAt.get({ guildId })?.at ?? null;
      return first === null || last === null ? null : { first, last };
    },
    /**
     * Up to `limit` of the server's answers that count on the leaderboard with ids up to `maxId`, answered
     * in [startMs, endMs), after (afterAt, afterId) in (answered_at, id) order.
     */
    answersInSpan: (
      guildId: string,
      span: { startMs: number; endMs: number; maxId: number },
      after: { afterAt: number; afterId: number },
      limit: number,
    ): RebuildAnswer[] => answersInSpan.all({ guildId, ...span, ...after, limit }),
    /** The server's answers that count on the leaderboard with ids in (afterId, toId], by id. */
    answersInIdRange: (guildId: string, afterId: number, toId: number): RebuildAnswer[] =>
      answersInIdRange.all({ guildId, afterId, toId }),
    guildZone: (guildId: string): string | undefined => guildZone.get({ guildId })?.timezone,
    insertRow: (guildId: string, zone: string, total: StandingTotal): void => {
      insertRow.run({ guildId, zone, ...total });
    },
    addToRow: (guildId: string, zone: string, total: StandingTotal): void => {
      addToRow.run({ guildId, zone, ...total });
    },
    /** Deletes up to `limit` of the server's rows in `zone` (never '', the all-time rows); returns how many. */
    deleteZoneRows: (guildId: string, zone: string, limit: number): number => {
      if (zone === '') throw new Error('the all-time standings belong to no zone switch');
      return deleteZoneRows.run({ guildId, zone, limit }).changes;
    },
    /** The first zone after `after` the server has rows in ('' is the all-time rows' own). */
    nextZone: (guildId: string, after: string): string | undefined => nextZone.get({ guildId, after })?.zone,
    /** Bumps settingsVersion too, so the daily scheduler sees the new zone; clears a request for it. */
    storeZone: (guildId: string, timezone: string): void => {
      storeZone.run({ guildId, timezone });
    },
    /** Forgets the pending request for `timezone` (done without a switch, or failed); a later one stays. */
    dropPendingZone: (guildId: string, timezone: string): void => {
      dropPendingZone.run({ guildId, timezone });
    },
    /** Servers with a zone switch asked for and not yet in (cut short by a stop or a crash, or running). */
    pendingSwitches: (): { guildId: string; timezone: string; pendingTimezone: string }[] =>
      pendingSwitches.all().map((row) => ({ ...row, pendingTimezone: row.pendingTimezone! })),
  };
}

export type RebuildStore = ReturnType<typeof createRebuildStore>;
