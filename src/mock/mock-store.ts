import type Database from 'better-sqlite3';
import type { Db } from '../db/database';
import { preparedPerConnection } from '../db/prepared';
import type { MockStatus } from '../db/schema';

/** SQL of mock exams and their items (tables mock_exams, mock_items). */
export interface MockExam {
  id: number;
  guildId: string;
  userId: string;
  status: MockStatus;
  startedAt: number;
  deadlineAt: number;
  finishedAt: number | null;
  correct: number | null;
  total: number;
  scaledScore: number | null;
}

export interface MockItem {
  position: number;
  questionId: string;
  choice: string | null;
  flagged: boolean;
}

export interface Member {
  guildId: string;
  userId: string;
}

export function findRunningMock(db: Db, member: Member): MockExam | null {
  return (preparedFor(db.$client).running.get(member) as MockExam | undefined) ?? null;
}

export function findMock(db: Db, id: number): MockExam | null {
  return (preparedFor(db.$client).byId.get(id) as MockExam | undefined) ?? null;
}

/** A new running mock with its items, or null when the member already has one (the unique index). */
export function insertMock(
  db: Db,
  member: Member,
  questionIds: readonly string[],
  startedAt: number,
  deadlineAt: number,
): MockExam | null {
  const statements = preparedFor(db.$client);
  return db.$client.transaction(() => {
    const row = statements.insert.get({ ...member, startedAt, deadlineAt, total: questionIds.length }) as
      { id: number } | undefined;
    if (!row) return null;
    questionIds.forEach((questionId, position) =>
      statements.insertItem.run({ mockId: row.id, position, questionId }),
    );
    return findMock(db, row.id);
  })();
}

export function mockItems(db: Db, mockId: number): MockItem[] {
  return (
    preparedFor(db.$client).items.all(mockId) as (Omit<MockItem, 'flagged'> & { flagged: number })[]
  ).map((r) => ({ ...r, flagged: r.flagged === 1 }));
}

/** Stores (or changes) the choice of a running mock's item. */
export function setChoice(db: Db, mockId: number, position: number, choice: string): boolean {
  return preparedFor(db.$client).setChoice.run({ mockId, position, choice }).changes === 1;
}

export function toggleFlag(db: Db, mockId: number, position: number): boolean {
  return preparedFor(db.$client).toggleFlag.run({ mockId, position }).changes === 1;
}

/** Closes a running mock with its score; false when it was closed already (another click, a restart). */
export function closeMock(
  db: Db,
  mockId: number,
  result: {
    status: Exclude<MockStatus, 'running'>;
    finishedAt: number;
    correct: number;
    scaledScore: number;
  },
): boolean {
  return preparedFor(db.$client).close.run({ id: mockId, ...result }).changes === 1;
}

/** The member's finished mocks, newest first. */
export function pastMocks(db: Db, member: Member, limit = 5): MockExam[] {
  return preparedFor(db.$client).past.all({ ...member, limit }) as MockExam[];
}

const preparedFor = preparedPerConnection(prepare);

function prepare(sqlite: Database.Database) {
  const columns = `id, guild_id as guildId, user_id as userId, status, started_at as startedAt,
    deadline_at as deadlineAt, finished_at as finishedAt, correct, total, scaled_score as scaledScore`;
  return {
    running: sqlite.prepare(
      `select ${columns} from mock_exams where guild_id = @guildId and user_id = @userId and status = 'running'`,
    ),
    byId: sqlite.prepare(`select ${columns} from mock_exams where id = ?`),
    insert: sqlite.prepare(`
      insert into mock_exams (guild_id, user_id, started_at, deadline_at, total)
      values (@guildId, @userId, @startedAt, @deadlineAt, @total) on conflict do nothing returning id`),
    insertItem: sqlite.prepare(
      'insert into mock_items (mock_id, position, question_id) values (@mockId, @position, @questionId)',
    ),
    items: sqlite.prepare(`
      select position, question_id as questionId, choice, flagged from mock_items where mock_id = ? order by position`),
    setChoice: sqlite.prepare(`
      update mock_items set choice = @choice where mock_id = @mockId and position = @position
        and exists (select 1 from mock_exams where id = @mockId and status = 'running')`),
    toggleFlag: sqlite.prepare(`
      update mock_items set flagged = not flagged where mock_id = @mockId and position = @position
        and exists (select 1 from mock_exams where id = @mockId and status = 'running')`),
    close: sqlite.prepare(`
      update mock_exams set status = @status, finished_at = @finishedAt, correct = @correct,
        scaled_score = @scaledScore
      where id = @id and status = 'running'`),
    past: sqlite.prepare(`
      select ${columns} from mock_exams where guild_id = @guildId and user_id = @userId and status != 'running'
      order by started_at desc limit @limit`),
  };
}
