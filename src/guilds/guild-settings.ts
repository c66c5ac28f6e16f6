import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { Db } from '../db/database';
import { guilds } from '../db/schema';

export type GuildSettings = typeof guilds.$inferSelect;

/**
 * The server's settings row, created with defaults on first contact (first command, first answer).
 * Works inside a transaction too: pass the transaction as `db`.
 */
export function ensureGuild(
  db: Pick<Db, 'select' | 'insert'>,
  guildId: string,
  defaultTimezone: string,
  now: number,
): GuildSettings {
  const existing = db.select().from(guilds).where(eq(guilds.id, guildId)).get();
  if (existing) return existing;
  db.insert(guilds)
    .values({ id: guildId, timezone: defaultTimezone, createdAt: now })
    .onConflictDoNothing()
    .run();
  const created = db.select().from(guilds).where(eq(guilds.id, guildId)).get();
  if (!created) throw new Error(`could not create settings for guild ${guildId}`);
  return created;
}

/** Servers with a daily channel set and at least one daily post on. */
export function guildsWithDailyChannel(db: Pick<Db, 'select'>): { guildId: string; channelId: string }[] {
  return db
    .select({ guildId: guilds.id, channelId: guilds.dailyChannelId })
    .from(guilds)
    .where(and(isNotNull(guilds.dailyChannelId), or(guilds.serviceCardEnabled, guilds.dailyQuestionEnabled)))
    .all()
    .map((row) => ({ guildId: row.guildId, channelId: row.channelId! }));
}
