import { and, eq, gt, lte, notInArray, sql, type AnyColumn } from 'drizzle-orm';
import type { Db } from '../db/database';
import { oncePerDb } from '../db/prepared';
import { answers, guilds, standings } from '../db/schema';

/** One week or month standings row of a server, as the rebuild sums and compares it. */
export type StandingTotal = Omit<typeof standings.$inferSelect, 'guildId'> & {
  periodKind: 'week' | 'month';
};
/** What the rebuild reads of an answer. */
export type RebuildAnswer = Pick<
  typeof answers.$inferSelect,
  'id' | 'userId' | 'points' | 'correct' | 'domain' | 'topic' | 'answeredAt'
>;
/** A standings row's key within a server: period kind, period key, scope, member. */
export type StandingKey = Pick<StandingTotal, 'periodKind' | 'periodKey' | 'scope' | 'userId'>;

const p = sql.placeholder;
const excluded = (column: AnyColumn) => sql.raw(`excluded."${column.name}"`);

/** SQL of the sliced time-zone rebuild (sliced-rebuild.ts), prepared once per Db. */
export function createRebuildStore(db: Db) {
  const maxAnswerId = db
    .select({ id: sql<number | null>`max(${answers.id})` })
    .from(answers)
    .prepare();
  // `+guild_id` keeps the plan on the rowid range: the guild's time index would read the whole guild.
  const answersInRange = db
    .select({
      id: answers.id,
      userId: answers.userId,
      points: answers.points,
      correct: answers.correct,
      domain: answers.domain,
      topic: answers.topic,
      answeredAt: answers.answeredAt,
    })
    .from(answers)
    .where(
      and(
        gt(answers.id, p('afterId')),
        lte(answers.id, p('toId')),
        sql`+${answers.guildId} = ${p('guildId')}`,
        notInArray(answers.kind, ['practice', 'mock']), // see countsOnLeaderboard
      ),
    )
    .orderBy(answers.id)
    .prepare();
  const guildZone = db
    .select({ timezone: guilds.timezone })
    .from(guilds)
    .where(eq(guilds.id, p('guildId')))
    .prepare();
  const totalColumns = {
    periodKind: standings.periodKind,
    periodKey: standings.periodKey,
    scope: standings.scope,
    userId: standings.userId,
    points: standings.points,
    answered: standings.answered,
    correct: standings.correct,
    lastAnsweredAt: standings.lastAnsweredAt,
  };
  const isRow = and(
    eq(standings.guildId, p('guildId')),
    eq(standings.periodKind, p('periodKind')),
    eq(standings.periodKey, p('periodKey')),
    eq(standings.scope, p('scope')),
    eq(standings.userId, p('userId')),
  );
  // Keyset pages of one period kind: each page is a range seek on the primary key (an IN list of kinds
  // with a 4-column row value is not, and every page then scanned the server's rows from the start).
  const storedAfter = db
    .select(totalColumns)
    .from(standings)
    .where(
      and(
        eq(standings.guildId, p('guildId')),
        eq(standings.periodKind, p('periodKind')),
        sql`(${standings.periodKey}, ${standings.scope}, ${standings.userId})
            > (${p('periodKey')}, ${p('scope')}, ${p('userId')})`,
      ),
    )
    .orderBy(standings.periodKey, standings.scope, standings.userId)
    .limit(p('limit'))
    .prepare();
  const storedRow = db.select(totalColumns).from(standings).where(isRow).prepare();
  const removeRow = db.delete(standings).where(isRow).prepare();
  const writeRow = db
    .insert(standings)
    .values({
      guildId: p('guildId'),
      periodKind: p('periodKind'),
      periodKey: p('periodKey'),
      scope: p('scope'),
      userId: p('userId'),
      points: p('points'),
      answered: p('answered'),
      correct: p('correct'),
      lastAnsweredAt: p('lastAnsweredAt'),
    })
    .onConflictDoUpdate({
      target: [
        standings.guildId,
        standings.periodKind,
        standings.periodKey,
        standings.scope,
        standings.userId,
      ],
      set: {
        points: excluded(standings.points),
        answered: excluded(standings.answered),
        correct: excluded(standings.correct),
        lastAnsweredAt: excluded(standings.lastAnsweredAt),
      },
    })
    .prepare();
  const storeZone = db
    .update(guilds)
    .set({ timezone: sql`${p('timezone')}`, settingsVersion: sql`${guilds.settingsVersion} + 1` })
    .where(eq(guilds.id, p('guildId')))
    .prepare();

  return {
    /** Ids only grow and writes are serialised, so every answer up to the highest id is committed. */
    maxAnswerId: (): number => maxAnswerId.get()?.id ?? 0,
    /** The server's answers that count on the leaderboard with ids in (afterId, toId], by id. */
    answersInRange: (guildId: string, afterId: number, toId: number): RebuildAnswer[] =>
      answersInRange.all({ guildId, afterId, toId }),
    guildZone: (guildId: string): string | undefined => guildZone.get({ guildId })?.timezone,
    /** Up to `limit` of the server's rows of `after.periodKind` after `after`, in primary-key order. */
    storedAfter: (guildId: string, after: StandingKey, limit: number) =>
      storedAfter.all({ guildId, ...after, limit }) as StandingTotal[],
    storedRow: (guildId: string, key: StandingKey) =>
      storedRow.get({ guildId, ...key }) as StandingTotal | undefined,
    removeRow: (guildId: string, key: StandingKey): void => {
      removeRow.run({ guildId, ...key });
    },
    writeRow: (guildId: string, total: StandingTotal): void => {
      writeRow.run({ guildId, ...total });
    },
    /** Bumps settingsVersion too, so the daily scheduler sees the new zone. */
    storeZone: (guildId: string, timezone: string): void => {
      storeZone.run({ guildId, timezone });
    },
  };
}

export type RebuildStore = ReturnType<typeof createRebuildStore>;
export const rebuildStoreOf = oncePerDb(createRebuildStore);
