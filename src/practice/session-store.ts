import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { answers, practiceItems, practiceSessions } from '../db/schema';
import type { Member } from './card-store';

/** SQL of practice sessions and their items (tables practice_sessions, practice_items). */
export type PracticeSession = typeof practiceSessions.$inferSelect;
export type PracticeItem = typeof practiceItems.$inferSelect;

const p = sql.placeholder;
/** `update … set` takes no bare placeholder; a placeholder inside `sql` is the same parameter. */
const value = (name: string) => sql`${p(name)}`;
const itemAt = and(
  eq(practiceItems.sessionId, p('sessionId')),
  eq(practiceItems.position, p('position')),
  isNull(practiceItems.answerId),
);

/** Prepared once per Db (`ctx.stores.sessions`): a practice click runs several of these. */
export function createSessionStore(db: Db) {
  const open = db
    .select()
    .from(practiceSessions)
    .where(
      and(
        eq(practiceSessions.guildId, p('guildId')),
        eq(practiceSessions.userId, p('userId')),
        isNull(practiceSessions.finishedAt),
      ),
    )
    .prepare();
  const byId = db
    .select()
    .from(practiceSessions)
    .where(eq(practiceSessions.id, p('id')))
    .prepare();
  const insert = db
    .insert(practiceSessions)
    .values({ guildId: p('guildId'), userId: p('userId'), size: p('size'), createdAt: p('createdAt') })
    .onConflictDoNothing()
    .prepare();
  const items = db
    .select()
    .from(practiceItems)
    .where(eq(practiceItems.sessionId, p('sessionId')))
    .orderBy(asc(practiceItems.position))
    .prepare();
  const insertItem = db
    .insert(practiceItems)
    .values({
      sessionId: p('sessionId'),
      position: p('position'),
      questionId: p('questionId'),
      shownAt: p('shownAt'),
    })
    .onConflictDoNothing()
    .prepare();
  const markShown = db
    .update(practiceItems)
    .set({ shownAt: value('shownAt') })
    .where(itemAt)
    .prepare();
  const setAnswer = db
    .update(practiceItems)
    .set({ answerId: value('answerId') })
    .where(itemAt)
    .prepare();
  const finish = db
    .update(practiceSessions)
    .set({ finishedAt: value('now') })
    .where(and(eq(practiceSessions.id, p('id')), isNull(practiceSessions.finishedAt)))
    .prepare();
  const score = db
    .select({
      answered: count(answers.id),
      correct: sql<number>`coalesce(sum(${answers.correct}), 0)`,
    })
    .from(practiceItems)
    .innerJoin(answers, eq(answers.id, practiceItems.answerId))
    .where(eq(practiceItems.sessionId, p('sessionId')))
    .prepare();

  return {
    findOpen: (member: Member): PracticeSession | null => open.get(member) ?? null,
    find: (id: number): PracticeSession | null => byId.get({ id }) ?? null,
    /** A new open session, or the member's open one when there is already one (the unique index decides). */
    insert(member: Member, size: number, createdAt: number): PracticeSession {
      insert.run({ ...member, size, createdAt });
      return open.get(member)!;
    },
    items: (sessionId: number): PracticeItem[] => items.all({ sessionId }),
    /** False when another click added the item at that position first. */
    insertItem: (item: Omit<PracticeItem, 'answerId'>): boolean => insertItem.run(item).changes === 1,
    markShown: (sessionId: number, position: number, shownAt: number): void =>
      void markShown.run({ sessionId, position, shownAt }),
    setItemAnswer: (sessionId: number, position: number, answerId: number): boolean =>
      setAnswer.run({ sessionId, position, answerId }).changes === 1,
    finish: (sessionId: number, now: number): void => void finish.run({ id: sessionId, now }),
    /** Right answers among the session's answered items. */
    score: (sessionId: number): { answered: number; correct: number } =>
      score.get({ sessionId }) ?? { answered: 0, correct: 0 },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
