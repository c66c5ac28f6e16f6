import type Database from 'better-sqlite3';
import type { Db } from '../db/database';
import { preparedPerConnection } from '../db/prepared';
import { gradeOf, review, type CardState, type Grade } from './scheduler';

/**
 * The member's FSRS cards. Reviews are the events (`answers` rows with a practice_session_id); the
 * `practice_cards` row of an item is their fold through the scheduler, written in the same transaction as
 * each review and rebuildable from the events at any time (`rebuildCards`).
 */
export interface MemberCard extends CardState {
  questionId: string;
  correct: number;
}

export interface Member {
  guildId: string;
  userId: string;
}

type CardRow = [string, number, number, number, number, number, number, number, number, number, number];
const cardOf = (r: CardRow): MemberCard => ({
  questionId: r[0],
  due: r[1],
  stability: r[2],
  difficulty: r[3],
  scheduledDays: r[4],
  learningSteps: r[5],
  reps: r[6],
  lapses: r[7],
  state: r[8],
  lastReview: r[9],
  correct: r[10],
});

/** Every card of the member (one per item reviewed at least once). */
export function loadCards(db: Db, member: Member): MemberCard[] {
  // Rows as arrays, made into objects here: half the cost of better-sqlite3's named rows.
  return (preparedFor(db.$client).cards.all(member) as CardRow[]).map(cardOf);
}

/** The member's cards due at `now` (the practice_cards_due index), for the scheduler's first choice. */
export function loadDueCards(db: Db, member: Member, now: number): MemberCard[] {
  return (preparedFor(db.$client).dueCards.all({ ...member, now }) as CardRow[]).map(cardOf);
}

/** What new-item weighting needs of every card: the item, its reviews and right answers. */
export type CardTally = Pick<MemberCard, 'questionId' | 'reps' | 'correct'>;
export function loadCardTallies(db: Db, member: Member): CardTally[] {
  return (preparedFor(db.$client).tallies.all(member) as [string, number, number][]).map((r) => ({
    questionId: r[0],
    reps: r[1],
    correct: r[2],
  }));
}

export function loadCard(db: Db, member: Member, questionId: string): MemberCard | null {
  return (preparedFor(db.$client).card.get({ ...member, questionId }) as MemberCard | undefined) ?? null;
}

export interface ReviewEvent {
  answerId: number;
  questionId: string;
  correct: boolean;
  responseMs: number;
  answeredAt: number;
}

/** Folds one review into the member's card; call inside the transaction that recorded the answer. */
export function applyReview(
  db: Db,
  member: Member,
  event: ReviewEvent,
): { grade: Grade; before: CardState | null; card: CardState } {
  const statements = preparedFor(db.$client);
  const before = loadCard(db, member, event.questionId);
  const grade = gradeOf(event, before);
  const card = review(before, grade, event.answeredAt);
  statements.upsert.run({
    ...member,
    questionId: event.questionId,
    ...card,
    correct: (before?.correct ?? 0) + (event.correct ? 1 : 0),
    lastAnswerId: event.answerId,
  });
  return { grade, before, card };
}

/** Drops the member's cards and replays every practice review in order: the cards are derived data. */
export function rebuildCards(db: Db, member: Member): number {
  const statements = preparedFor(db.$client);
  return db.$client.transaction(() => {
    statements.deleteCards.run(member);
    const events = statements.reviews.all(member) as (Omit<ReviewEvent, 'correct'> & { correct: number })[];
    for (const event of events) applyReview(db, member, { ...event, correct: event.correct === 1 });
    return events.length;
  })();
}

const preparedFor = preparedPerConnection(prepare);

function prepare(sqlite: Database.Database) {
  const columns = `question_id as questionId, due, stability, difficulty, scheduled_days as scheduledDays,
    learning_steps as learningSteps, reps, lapses, state, last_review as lastReview, correct`;
  const raw = `question_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state,
    last_review, correct`;
  return {
    cards: sqlite
      .prepare(`select ${raw} from practice_cards where guild_id = @guildId and user_id = @userId`)
      .raw(),
    dueCards: sqlite
      .prepare(
        `select ${raw} from practice_cards where guild_id = @guildId and user_id = @userId and due <= @now`,
      )
      .raw(),
    tallies: sqlite
      .prepare(
        'select question_id, reps, correct from practice_cards where guild_id = @guildId and user_id = @userId',
      )
      .raw(),
    card: sqlite.prepare(
      `select ${columns} from practice_cards
       where guild_id = @guildId and user_id = @userId and question_id = @questionId`,
    ),
    upsert: sqlite.prepare(`
      insert into practice_cards (guild_id, user_id, question_id, due, stability, difficulty, scheduled_days,
        learning_steps, reps, lapses, state, last_review, correct, last_answer_id)
      values (@guildId, @userId, @questionId, @due, @stability, @difficulty, @scheduledDays, @learningSteps,
        @reps, @lapses, @state, @lastReview, @correct, @lastAnswerId)
      on conflict (guild_id, user_id, question_id) do update set
        due = excluded.due, stability = excluded.stability, difficulty = excluded.difficulty,
        scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps,
        reps = excluded.reps, lapses = excluded.lapses, state = excluded.state,
        last_review = excluded.last_review, correct = excluded.correct, last_answer_id = excluded.last_answer_id`),
    deleteCards: sqlite.prepare('delete from practice_cards where guild_id = @guildId and user_id = @userId'),
    reviews: sqlite.prepare(`
      select id as answerId, question_id as questionId, correct, response_ms as responseMs,
             answered_at as answeredAt
      from answers
      where guild_id = @guildId and user_id = @userId and practice_session_id is not null
      order by answered_at, id`),
  };
}
