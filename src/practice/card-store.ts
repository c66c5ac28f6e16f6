import { and, asc, eq, getTableColumns, isNotNull, lte, sql, type AnyColumn } from 'drizzle-orm';
import { IMMEDIATE, type Db } from '../db/database';
import type { WithStores } from '../db/with-stores';
import { answers, practiceCards } from '../db/schema';
import { gradeOf, review, type CardState, type Grade } from './scheduler';

/**
 * The member's FSRS cards. Reviews are the events (`answers` rows with a practice_session_id); the
 * `practice_cards` row of an item is their fold through the scheduler, written in the same transaction as
 * each review and rebuildable from the events at any time (`rebuildCards`).
 */
type CardRow = typeof practiceCards.$inferSelect;
/** A card as the scheduler reads it: its FSRS state (columns of the same names), item and right answers. */
export type MemberCard = Pick<CardRow, keyof CardState | 'questionId' | 'correct'>;

export type Member = { guildId: string; userId: string };

/** What new-item weighting needs of every card: the item, its reviews and right answers. */
export type CardTally = Pick<MemberCard, 'questionId' | 'reps' | 'correct'>;

export interface ReviewEvent {
  answerId: number;
  questionId: string;
  correct: boolean;
  responseMs: number;
  answeredAt: number;
}

const p = sql.placeholder;
const excluded = (column: AnyColumn) => sql.raw(`excluded."${column.name}"`);
const cardFields = {
  questionId: practiceCards.questionId,
  due: practiceCards.due,
  stability: practiceCards.stability,
  difficulty: practiceCards.difficulty,
  scheduledDays: practiceCards.scheduledDays,
  learningSteps: practiceCards.learningSteps,
  reps: practiceCards.reps,
  lapses: practiceCards.lapses,
  state: practiceCards.state,
  lastReview: practiceCards.lastReview,
  correct: practiceCards.correct,
};
/**
 * Rows as arrays, made into objects here (in `cardFields` order; test/practice/card-store.test.ts holds
 * them to the mapped query): drizzle's general row mapper costs as much again as the query on a member's
 * few hundred cards, read on every practice click.
 */
const cardOf = (r: unknown[]): MemberCard => ({
  questionId: r[0] as string,
  due: r[1] as number,
  stability: r[2] as number,
  difficulty: r[3] as number,
  scheduledDays: r[4] as number,
  learningSteps: r[5] as number,
  reps: r[6] as number,
  lapses: r[7] as number,
  state: r[8] as number,
  lastReview: r[9] as number,
  correct: r[10] as number,
});
const tallyOf = (r: unknown[]): CardTally => ({
  questionId: r[0] as string,
  reps: r[1] as number,
  correct: r[2] as number,
});
const ofMember = and(eq(practiceCards.guildId, p('guildId')), eq(practiceCards.userId, p('userId')));

/** The cards' statements, prepared once per Db (`ctx.stores.cards`): every practice click reads or writes them. */
export function createCardStore(db: Db) {
  const cards = db.select(cardFields).from(practiceCards).where(ofMember).prepare();
  // The practice_cards_due index: the scheduler's first question, "what is due now?".
  const dueCards = db
    .select(cardFields)
    .from(practiceCards)
    .where(and(ofMember, lte(practiceCards.due, p('now'))))
    .prepare();
  const tallies = db
    .select({
      questionId: practiceCards.questionId,
      reps: practiceCards.reps,
      correct: practiceCards.correct,
    })
    .from(practiceCards)
    .where(ofMember)
    .prepare();
  const card = db
    .select(cardFields)
    .from(practiceCards)
    .where(and(ofMember, eq(practiceCards.questionId, p('questionId'))))
    .prepare();
  const { guildId, userId, questionId, ...folded } = getTableColumns(practiceCards);
  const upsert = db
    .insert(practiceCards)
    .values({
      guildId: p('guildId'),
      userId: p('userId'),
      questionId: p('questionId'),
      due: p('due'),
      stability: p('stability'),
      difficulty: p('difficulty'),
      scheduledDays: p('scheduledDays'),
      learningSteps: p('learningSteps'),
      reps: p('reps'),
      lapses: p('lapses'),
      state: p('state'),
      lastReview: p('lastReview'),
      correct: p('correct'),
      lastAnswerId: p('lastAnswerId'),
    })
    .onConflictDoUpdate({
      target: [guildId, userId, questionId],
      set: Object.fromEntries(Object.entries(folded).map(([key, column]) => [key, excluded(column)])),
    })
    .prepare();

  return {
    /** Every card of the member (one per item reviewed at least once). */
    cards: (member: Member): MemberCard[] => cards.values(member).map(cardOf),
    /** The member's cards due at `now`, for the scheduler's first choice. */
    dueCards: (member: Member, now: number): MemberCard[] => dueCards.values({ ...member, now }).map(cardOf),
    tallies: (member: Member): CardTally[] => tallies.values(member).map(tallyOf),
    card: (member: Member, questionId: string): MemberCard | null =>
      card.get({ ...member, questionId }) ?? null,
    save: (row: CardRow): void => void upsert.run(row),
  };
}

export type CardStore = ReturnType<typeof createCardStore>;

/** Folds one review into the member's card; call inside the transaction that recorded the answer. */
export function applyReview(
  store: CardStore,
  member: Member,
  event: ReviewEvent,
): { grade: Grade; before: CardState | null; card: CardState } {
  const before = store.card(member, event.questionId);
  const grade = gradeOf(event, before);
  const card = review(before, grade, event.answeredAt);
  store.save({
    guildId: member.guildId,
    userId: member.userId,
    questionId: event.questionId,
    ...card,
    correct: (before?.correct ?? 0) + (event.correct ? 1 : 0),
    lastAnswerId: event.answerId,
  });
  return { grade, before, card };
}

/** Drops the member's cards and replays every practice review in order: the cards are derived data. */
export function rebuildCards({ db, stores }: WithStores<{ cards: CardStore }>, member: Member): number {
  return db.transaction((tx) => {
    tx.delete(practiceCards)
      .where(and(eq(practiceCards.guildId, member.guildId), eq(practiceCards.userId, member.userId)))
      .run();
    const events = tx
      .select({
        answerId: answers.id,
        questionId: answers.questionId,
        correct: answers.correct,
        responseMs: answers.responseMs,
        answeredAt: answers.answeredAt,
      })
      .from(answers)
      .where(
        and(
          eq(answers.guildId, member.guildId),
          eq(answers.userId, member.userId),
          isNotNull(answers.practiceSessionId),
        ),
      )
      .orderBy(asc(answers.answeredAt), asc(answers.id))
      .all();
    for (const event of events) applyReview(stores.cards, member, event);
    return events.length;
  }, IMMEDIATE);
}
