import type Database from 'better-sqlite3';
import type { Db } from '../db/database';
import { preparedPerConnection } from '../db/prepared';
import type { Member } from './card-store';

/** SQL of practice sessions and their items (tables practice_sessions, practice_items). */
export interface PracticeSession {
  id: number;
  guildId: string;
  userId: string;
  size: number;
  createdAt: number;
  finishedAt: number | null;
}

export interface PracticeItem {
  sessionId: number;
  position: number;
  questionId: string;
  shownAt: number;
  answerId: number | null;
}

export function findOpenSession(db: Db, member: Member): PracticeSession | null {
  return (preparedFor(db.$client).open.get(member) as PracticeSession | undefined) ?? null;
}

export function findSession(db: Db, id: number): PracticeSession | null {
  return (preparedFor(db.$client).byId.get(id) as PracticeSession | undefined) ?? null;
}

/** A new open session, or the member's open one when there is already one (the unique index decides). */
export function insertSession(db: Db, member: Member, size: number, now: number): PracticeSession {
  const statements = preparedFor(db.$client);
  statements.insert.run({ ...member, size, createdAt: now });
  return findOpenSession(db, member)!;
}

export function sessionItems(db: Db, sessionId: number): PracticeItem[] {
  return preparedFor(db.$client).items.all(sessionId) as PracticeItem[];
}

/** Adds the item at `position`; false when another click added it first. */
export function insertItem(db: Db, item: Omit<PracticeItem, 'answerId'>): boolean {
  return preparedFor(db.$client).insertItem.run(item).changes === 1;
}

export function markShown(db: Db, sessionId: number, position: number, shownAt: number): void {
  preparedFor(db.$client).markShown.run({ sessionId, position, shownAt });
}

export function setItemAnswer(db: Db, sessionId: number, position: number, answerId: number): boolean {
  return preparedFor(db.$client).setAnswer.run({ sessionId, position, answerId }).changes === 1;
}

export function finishSession(db: Db, sessionId: number, now: number): void {
  preparedFor(db.$client).finish.run({ id: sessionId, now });
}

/** Right answers among the session's answered items. */
export function sessionScore(db: Db, sessionId: number): { answered: number; correct: number } {
  return preparedFor(db.$client).score.get(sessionId) as { answered: number; correct: number };
}

const preparedFor = preparedPerConnection(prepare);

function prepare(sqlite: Database.Database) {
  const columns = `id, guild_id as guildId, user_id as userId, size, created_at as createdAt,
    finished_at as finishedAt`;
  return {
    open: sqlite.prepare(
      `select ${columns} from practice_sessions
       where guild_id = @guildId and user_id = @userId and finished_at is null`,
    ),
    byId: sqlite.prepare(`select ${columns} from practice_sessions where id = ?`),
    insert: sqlite.prepare(`
      insert into practice_sessions (guild_id, user_id, size, created_at) values (@guildId, @userId, @size, @createdAt)
      on conflict do nothing`),
    items: sqlite.prepare(`
      select session_id as sessionId, position, question_id as questionId, shown_at as shownAt,
             answer_id as answerId
      from practice_items where session_id = ? order by position`),
    insertItem: sqlite.prepare(`
      insert into practice_items (session_id, position, question_id, shown_at)
      values (@sessionId, @position, @questionId, @shownAt) on conflict do nothing`),
    markShown: sqlite.prepare(
      `update practice_items set shown_at = @shownAt
       where session_id = @sessionId and position = @position and answer_id is null`,
    ),
    setAnswer: sqlite.prepare(
      `update practice_items set answer_id = @answerId
       where session_id = @sessionId and position = @position and answer_id is null`,
    ),
    finish: sqlite.prepare(
      'update practice_sessions set finished_at = @now where id = @id and finished_at is null',
    ),
    score: sqlite.prepare(`
      select count(a.id) as answered, coalesce(sum(a.correct), 0) as correct
      from practice_items i join answers a on a.id = i.answer_id where i.session_id = ?`),
  };
}
