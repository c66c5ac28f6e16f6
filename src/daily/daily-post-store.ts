import { and, asc, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { answers, dailyPosts, guilds, type DailyKind } from '../db/schema';
import type { GuildSettings } from '../guilds/guild-settings';
import { dueLocalDate, localDateToPost } from '../time/daily-schedule';
import type { DailyTally } from './question-post';

export type DailyPost = typeof dailyPosts.$inferSelect;

/**
 * A claim older than this with no message id belongs to a process that died between claiming and
 * sending (or whose send had an unknown outcome); it may be taken over, with the same nonce. Longer than
 * a live send can take (REST timeout and retries), and short enough to stay inside the few minutes in
 * which Discord drops a repeated nonce.
 */
export const STALE_CLAIM_MS = 2 * 60_000;

export interface Claim {
  post: DailyPost;
  /** The settings the claim was made under; an error is recorded only if they are still current. */
  settingsVersion: number;
  channelId: string;
}

/**
 * Claims today's post of one kind in ONE immediate transaction: re-reads the settings, checks that
 * no post for this or a later local date exists, picks the subject and inserts the row. The unique
 * key (guild, kind, local date) is what decides between two processes or overlapping ticks: the
 * loser's insert does nothing and it walks away. Returns null when there is nothing to do.
 */
export function claimDailyPost(
  db: Db,
  guildId: string,
  kind: DailyKind,
  now: number,
  pickSubject: (pastSubjects: string[]) => string | null,
): Claim | null {
  return db.transaction(
    (tx) => {
      const guild = tx.select().from(guilds).where(eq(guilds.id, guildId)).get();
      if (!guild?.dailyChannelId || !isEnabled(guild, kind)) return null;
      const last = tx
        .select()
        .from(dailyPosts)
        .where(and(eq(dailyPosts.guildId, guildId), eq(dailyPosts.kind, kind)))
        .orderBy(desc(dailyPosts.localDate))
        .limit(1)
        .get();
      const due = dueLocalDate(now, guild.timezone, guild.dailyTime);
      if (due === null) return null;
      if (last && last.localDate === due) return takeOverStale(tx, guild, last, now);
      if (localDateToPost(now, guild.timezone, guild.dailyTime, last?.localDate ?? null) === null)
        return null;

      const past = tx
        .select({ subject: dailyPosts.subject })
        .from(dailyPosts)
        .where(and(eq(dailyPosts.guildId, guildId), eq(dailyPosts.kind, kind)))
        .orderBy(asc(dailyPosts.localDate))
        .all()
        .map((row) => row.subject);
      const subject = pickSubject(past);
      if (subject === null) return null;
      const post = tx
        .insert(dailyPosts)
        .values({ guildId, kind, localDate: due, channelId: guild.dailyChannelId, subject, postedAt: now })
        .onConflictDoNothing()
        .returning()
        .get();
      if (!post) return null;
      return { post, settingsVersion: guild.settingsVersion, channelId: guild.dailyChannelId };
    },
    { behavior: 'immediate' },
  );
}

/** Today's row exists: done, or in flight, unless it is an abandoned claim (no message, old). */
function takeOverStale(
  tx: Pick<Db, 'update'>,
  guild: GuildSettings,
  existing: DailyPost,
  now: number,
): Claim | null {
  if (existing.messageId !== null || existing.postedAt > now - STALE_CLAIM_MS || !guild.dailyChannelId)
    return null;
  const post = tx
    .update(dailyPosts)
    .set({ postedAt: now, channelId: guild.dailyChannelId })
    .where(
      and(
        eq(dailyPosts.id, existing.id),
        isNull(dailyPosts.messageId),
        eq(dailyPosts.postedAt, existing.postedAt),
      ),
    )
    .returning()
    .get();
  return post ? { post, settingsVersion: guild.settingsVersion, channelId: guild.dailyChannelId } : null;
}

const p = sql.placeholder;

/**
 * The statements read on every daily tick (every minute) and on every answer to a question of the day,
 * prepared once per Db.
 */
export function createDailyPostStore(db: Db) {
  const postById = db
    .select()
    .from(dailyPosts)
    .where(eq(dailyPosts.id, p('postId')))
    .prepare();
  const memberChoice = db
    .select({ choice: answers.choice })
    .from(answers)
    .where(and(eq(answers.dailyPostId, p('postId')), eq(answers.userId, p('userId'))))
    .prepare();
  const todaysRow = db
    .select({ messageId: dailyPosts.messageId, postedAt: dailyPosts.postedAt })
    .from(dailyPosts)
    .where(
      and(
        eq(dailyPosts.guildId, p('guildId')),
        eq(dailyPosts.kind, p('kind')),
        eq(dailyPosts.localDate, p('localDate')),
      ),
    )
    .prepare();
  const configuredGuilds = db.select().from(guilds).where(isNotNull(guilds.dailyChannelId)).prepare();
  // Rows without a message id close too: the message may have gone out with its id lost (a crash or a
  // lost response), and an unclosed question would take answers forever.
  const openQuestions = db
    .select()
    .from(dailyPosts)
    .where(
      and(
        eq(dailyPosts.guildId, p('guildId')),
        eq(dailyPosts.kind, 'question'),
        isNull(dailyPosts.closedAt),
        lt(dailyPosts.localDate, p('beforeLocalDate')),
      ),
    )
    .orderBy(asc(dailyPosts.id))
    .prepare();

  return {
    findPost: (postId: number): DailyPost | undefined => postById.get({ postId }),
    /** The stored choice of the member's answer to a question of the day, if any. */
    memberChoice: (postId: number, userId: string): string | undefined =>
      memberChoice.get({ postId, userId })?.choice,
    todaysRow: (guildId: string, kind: DailyKind, localDate: string) =>
      todaysRow.get({ guildId, kind, localDate }),
    configuredGuilds: (): GuildSettings[] => configuredGuilds.all(),
    openQuestionsBefore: (guildId: string, beforeLocalDate: string): DailyPost[] =>
      openQuestions.all({ guildId, beforeLocalDate }),
  };
}

export type DailyPostStore = ReturnType<typeof createDailyPostStore>;

/**
 * Cheap read before the write transaction: true when today's row of this kind exists and is not an
 * abandoned claim, i.e. there is surely nothing to do. Most ticks of the day end here.
 */
export function alreadyHandled(
  store: DailyPostStore,
  guildId: string,
  kind: DailyKind,
  localDate: string,
  now: number,
): boolean {
  const row = store.todaysRow(guildId, kind, localDate);
  return row !== undefined && (row.messageId !== null || row.postedAt > now - STALE_CLAIM_MS);
}

export function isEnabled(guild: GuildSettings, kind: DailyKind): boolean {
  return kind === 'service' ? guild.serviceCardEnabled : guild.dailyQuestionEnabled;
}

export function markPosted(db: Db, postId: number, messageId: string): void {
  db.update(dailyPosts).set({ messageId }).where(eq(dailyPosts.id, postId)).run();
}

/** Gives the day back after a definite refusal, so a later attempt can claim it again. */
export function releaseClaim(db: Db, postId: number): void {
  db.delete(dailyPosts)
    .where(and(eq(dailyPosts.id, postId), isNull(dailyPosts.messageId)))
    .run();
}

/**
 * Records why the daily post failed, for `/config show`. Only when the settings are still those the
 * claim was made under: if an admin changed them meanwhile, the error is stale and the next tick
 * should simply try again.
 */
export function recordDailyError(
  db: Db,
  guildId: string,
  settingsVersion: number,
  message: string,
  now: number,
): void {
  db.update(guilds)
    .set({ lastDailyError: message.slice(0, 500), lastDailyErrorAt: now })
    .where(and(eq(guilds.id, guildId), eq(guilds.settingsVersion, settingsVersion)))
    .run();
}

/** Marks a question closed; false when another tick already did (so only one edits the message). */
export function closeQuestion(db: Db, postId: number, now: number): boolean {
  const result = db
    .update(dailyPosts)
    .set({ closedAt: now })
    .where(and(eq(dailyPosts.id, postId), isNull(dailyPosts.closedAt)))
    .run();
  return result.changes === 1;
}

export function tallyDailyAnswers(db: Db, postId: number): DailyTally {
  const rows = db
    .select({ choice: answers.choice, correct: answers.correct, count: sql<number>`count(*)` })
    .from(answers)
    .where(eq(answers.dailyPostId, postId))
    .groupBy(answers.choice, answers.correct)
    .all();
  const byChoice = new Map<string, number>();
  let total = 0;
  let right = 0;
  for (const row of rows) {
    total += row.count;
    if (row.correct) right += row.count;
    byChoice.set(row.choice, (byChoice.get(row.choice) ?? 0) + row.count);
  }
  return { total, right, byChoice };
}

/** The most recent post that went out (any kind), for `/config show`. */
export function lastSentPost(db: Db, guildId: string): DailyPost | undefined {
  return db
    .select()
    .from(dailyPosts)
    .where(and(eq(dailyPosts.guildId, guildId), isNotNull(dailyPosts.messageId)))
    .orderBy(desc(dailyPosts.postedAt))
    .limit(1)
    .get();
}

/** The latest local date with a post of an enabled kind, for the "next post" time. */
export function lastPostedLocalDate(db: Db, guild: GuildSettings): string | null {
  const kinds = (['service', 'question'] as const).filter((kind) => isEnabled(guild, kind));
  let earliest: string | null = null;
  for (const kind of kinds) {
    const row = db
      .select({ localDate: dailyPosts.localDate })
      .from(dailyPosts)
      .where(and(eq(dailyPosts.guildId, guild.id), eq(dailyPosts.kind, kind)))
      .orderBy(desc(dailyPosts.localDate))
      .limit(1)
      .get();
    // The next post is due once ANY enabled kind still lacks today's date: take the earliest.
    const date = row?.localDate ?? null;
    if (date === null) return null;
    if (earliest === null || date < earliest) earliest = date;
  }
  return earliest;
}
