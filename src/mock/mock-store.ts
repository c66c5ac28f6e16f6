import { and, asc, desc, eq, ne, not, sql } from 'drizzle-orm';
import { IMMEDIATE, type Db } from '../db/database';
import { mockExams, mockItems as mockItemsTable, type MockStatus } from '../db/schema';

/** SQL of mock exams and their items (tables mock_exams, mock_items). */
export type MockExam = typeof mockExams.$inferSelect;
export type MockItem = Omit<typeof mockItemsTable.$inferSelect, 'mockId'>;
export type Member = { guildId: string; userId: string };
/** What closing a mock writes: all set once it is no longer running. */
export type MockResult = { status: Exclude<MockStatus, 'running'> } & {
  [K in 'finishedAt' | 'correct' | 'scaledScore']: NonNullable<MockExam[K]>;
};

const p = sql.placeholder;
/** `update … set` takes no bare placeholder; a placeholder inside `sql` is the same parameter. */
const value = (name: string) => sql`${p(name)}`;
const ofMember = and(eq(mockExams.guildId, p('guildId')), eq(mockExams.userId, p('userId')));
// Items of a finished mock do not change: the update checks the mock is still running.
const runningItemAt = and(
  eq(mockItemsTable.mockId, p('mockId')),
  eq(mockItemsTable.position, p('position')),
  sql`exists (select 1 from ${mockExams} where ${mockExams.id} = ${p('mockId')} and ${mockExams.status} = 'running')`,
);

/** Prepared once per Db (`ctx.stores.mocks`): every click on a mock panel reads the mock and its 65 items. */
export function createMockStore(db: Db) {
  const running = db
    .select()
    .from(mockExams)
    .where(and(ofMember, eq(mockExams.status, 'running')))
    .prepare();
  const byId = db
    .select()
    .from(mockExams)
    .where(eq(mockExams.id, p('id')))
    .prepare();
  const insert = db
    .insert(mockExams)
    .values({
      guildId: p('guildId'),
      userId: p('userId'),
      startedAt: p('startedAt'),
      deadlineAt: p('deadlineAt'),
      total: p('total'),
    })
    .onConflictDoNothing()
    .returning({ id: mockExams.id })
    .prepare();
  const insertItem = db
    .insert(mockItemsTable)
    .values({ mockId: p('mockId'), position: p('position'), questionId: p('questionId') })
    .prepare();
  const itemFields = {
    position: mockItemsTable.position,
    questionId: mockItemsTable.questionId,
    choice: mockItemsTable.choice,
    flagged: mockItemsTable.flagged,
  };
  const items = db
    .select(itemFields)
    .from(mockItemsTable)
    .where(eq(mockItemsTable.mockId, p('mockId')))
    .orderBy(asc(mockItemsTable.position))
    .prepare();
  const setChoice = db
    .update(mockItemsTable)
    .set({ choice: value('choice') })
    .where(runningItemAt)
    .prepare();
  const toggleFlag = db
    .update(mockItemsTable)
    .set({ flagged: not(mockItemsTable.flagged) })
    .where(runningItemAt)
    .prepare();
  const close = db
    .update(mockExams)
    .set({
      status: value('status'),
      finishedAt: value('finishedAt'),
      correct: value('correct'),
      scaledScore: value('scaledScore'),
    })
    .where(and(eq(mockExams.id, p('id')), eq(mockExams.status, 'running')))
    .prepare();
  const past = db
    .select()
    .from(mockExams)
    .where(and(ofMember, ne(mockExams.status, 'running')))
    .orderBy(desc(mockExams.startedAt))
    .limit(p('limit'))
    .prepare();

  const store = {
    findRunning: (member: Member): MockExam | null => running.get(member) ?? null,
    find: (id: number): MockExam | null => byId.get({ id }) ?? null,
    /** A new running mock with its items, or null when the member already has one (the unique index). */
    insert(member: Member, questionIds: readonly string[], startedAt: number, deadlineAt: number) {
      return db.transaction((): MockExam | null => {
        const row = insert.get({ ...member, startedAt, deadlineAt, total: questionIds.length });
        if (!row) return null;
        questionIds.forEach((questionId, position) =>
          insertItem.run({ mockId: row.id, position, questionId }),
        );
        return store.find(row.id);
      }, IMMEDIATE);
    },
    items: (mockId: number): MockItem[] => items.all({ mockId }),
    /** Stores (or changes) the choice of a running mock's item. */
    setChoice: (mockId: number, position: number, choice: string): boolean =>
      setChoice.run({ mockId, position, choice }).changes === 1,
    toggleFlag: (mockId: number, position: number): boolean =>
      toggleFlag.run({ mockId, position }).changes === 1,
    /** Closes a running mock with its score; false when it was closed already (another click, a restart). */
    close: (mockId: number, result: MockResult): boolean =>
      close.run({ id: mockId, ...result }).changes === 1,
    /** The member's finished mocks, newest first. */
    past: (member: Member, limit = 5): MockExam[] => past.all({ ...member, limit }),
  };
  return store;
}

export type MockStore = ReturnType<typeof createMockStore>;
