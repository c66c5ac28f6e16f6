import type Database from 'better-sqlite3';
import type { Db } from '../db/database';
import { preparedPerConnection } from '../db/prepared';

/** The reads of the answer-click path, as statements prepared once per connection. */
export interface ClickRound {
  guildId: string;
  status: string;
  currentPosition: number;
  secondsPerQuestion: number;
}

export interface ClickSlot {
  questionId: string;
  openedAt: number | null;
  deadlineAt: number | null;
  revealedAt: number | null;
}

function prepare(sqlite: Database.Database) {
  return {
    round: sqlite.prepare<[number], ClickRound>(
      `select guild_id as guildId, status, current_position as currentPosition,
              seconds_per_question as secondsPerQuestion
       from rounds where id = ?`,
    ),
    slot: sqlite.prepare<[number, number], ClickSlot>(
      `select question_id as questionId, opened_at as openedAt, deadline_at as deadlineAt,
              revealed_at as revealedAt
       from round_questions where round_id = ? and position = ?`,
    ),
    memberChoice: sqlite.prepare<[number, string, string], { choice: string }>(
      'select choice from answers where round_id = ? and question_id = ? and user_id = ?',
    ),
    memberResults: sqlite.prepare<[number, string], { position: number; correct: number }>(
      `select rq.position as position, a.correct as correct
       from answers a join round_questions rq on rq.round_id = a.round_id and rq.question_id = a.question_id
       where a.round_id = ? and a.user_id = ?`,
    ),
  };
}

const preparedFor = preparedPerConnection(prepare);

export function clickQueries(db: Db) {
  const s = preparedFor(db.$client);
  return {
    round: (roundId: number) => s.round.get(roundId),
    slot: (roundId: number, position: number) => s.slot.get(roundId, position),
    memberChoice: (roundId: number, questionId: string, userId: string) =>
      s.memberChoice.get(roundId, questionId, userId)?.choice,
    /** position → correct, for one member's answers in a round. */
    memberResults: (roundId: number, userId: string) =>
      new Map(s.memberResults.all(roundId, userId).map((r) => [r.position, r.correct === 1])),
  };
}
