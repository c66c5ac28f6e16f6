import { and, asc, eq, inArray, isNotNull, isNull, max, sql } from 'drizzle-orm';
import { IMMEDIATE, type Db } from '../db/database';
import { answers, roundQuestions, rounds, type RoundStatus } from '../db/schema';

/** SQL of `rounds`, `round_questions` and their answers. Row types come from src/db/schema.ts. */
export type RoundRow = typeof rounds.$inferSelect;
export type RoundQuestionRow = typeof roundQuestions.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;

/** What a click needs of its round and of the question slot it names. */
export type ClickRound = Pick<RoundRow, 'guildId' | 'status' | 'currentPosition' | 'secondsPerQuestion'>;
export type ClickSlot = Pick<RoundQuestionRow, 'questionId' | 'openedAt' | 'deadlineAt' | 'revealedAt'>;
export interface ClickState {
  round: ClickRound;
  /** Null when the round has no question at that position. */
  slot: ClickSlot | null;
  /** The member's stored choice for that question, if they answered it already. */
  earlierChoice: string | null;
}

const p = sql.placeholder;
const clickRoundFields = {
  guildId: rounds.guildId,
  status: rounds.status,
  currentPosition: rounds.currentPosition,
  secondsPerQuestion: rounds.secondsPerQuestion,
};
const clickSlotFields = {
  questionId: roundQuestions.questionId,
  openedAt: roundQuestions.openedAt,
  deadlineAt: roundQuestions.deadlineAt,
  revealedAt: roundQuestions.revealedAt,
};

/**
 * The answer-click path's reads, prepared once per Db (`ctx.stores.rounds`; the query builder would build and prepare its
 * SQL on every call, which at hundreds of clicks per second costs more than the queries).
 */
export function createRoundStore(db: Db) {
  const roundById = db
    .select(clickRoundFields)
    .from(rounds)
    .where(eq(rounds.id, p('roundId')))
    .prepare();
  const slotAt = db
    .select(clickSlotFields)
    .from(roundQuestions)
    .where(and(eq(roundQuestions.roundId, p('roundId')), eq(roundQuestions.position, p('position'))))
    .prepare();
  const memberChoice = db
    .select({ choice: answers.choice })
    .from(answers)
    .where(
      and(
        eq(answers.roundId, p('roundId')),
        eq(answers.questionId, p('questionId')),
        eq(answers.userId, p('userId')),
      ),
    )
    .prepare();
  // Round, slot and the member's earlier answer in one statement: the first thing every click reads.
  const clickState = db
    .select({ round: clickRoundFields, slot: clickSlotFields, earlierChoice: answers.choice })
    .from(rounds)
    .leftJoin(
      roundQuestions,
      and(eq(roundQuestions.roundId, rounds.id), eq(roundQuestions.position, p('position'))),
    )
    .leftJoin(
      answers,
      and(
        eq(answers.roundId, rounds.id),
        eq(answers.questionId, roundQuestions.questionId),
        eq(answers.userId, p('userId')),
      ),
    )
    .where(eq(rounds.id, p('roundId')))
    .prepare();
  // From the round's questions to the member's answer to each (the unique index on round, question,
  // member), not a scan of every answer in the round.
  const memberResults = db
    .select({ position: roundQuestions.position, correct: answers.correct })
    .from(roundQuestions)
    .innerJoin(
      answers,
      and(
        eq(answers.roundId, roundQuestions.roundId),
        eq(answers.questionId, roundQuestions.questionId),
        eq(answers.userId, p('userId')),
      ),
    )
    .where(eq(roundQuestions.roundId, p('roundId')))
    .prepare();

  return {
    round: (roundId: number): ClickRound | undefined => roundById.get({ roundId }),
    slot: (roundId: number, position: number): ClickSlot | undefined => slotAt.get({ roundId, position }),
    memberChoice: (roundId: number, questionId: string, userId: string): string | undefined =>
      memberChoice.get({ roundId, questionId, userId })?.choice,
    clickState: (roundId: number, position: number, userId: string): ClickState | undefined =>
      clickState.get({ roundId, position, userId }),
    /** position → correct, for one member's answers in a round. */
    memberResults: (roundId: number, userId: string): Map<number, boolean> =>
      new Map(memberResults.all({ roundId, userId }).map((r) => [r.position, r.correct])),
  };
}

export type RoundStore = ReturnType<typeof createRoundStore>;

export interface NewRound {
  guildId: string;
  channelId: string;
  starterId: string;
  locale: string;
  secondsPerQuestion: number;
  topic: string | null;
  domain: number | null;
  questionIds: readonly string[];
  now: number;
}

export type CreateRoundResult = { ok: true; round: RoundRow } | { ok: false; running: RoundRow };

/**
 * Inserts the round and its questions in one transaction. The partial unique index (one running round
 * per channel) is the judge: two /quiz start racing in one channel cannot both win.
 */
export function createRound(db: Db, input: NewRound): CreateRoundResult {
  try {
    const round = db.transaction((tx) => {
      const row = tx
        .insert(rounds)
        .values({
          guildId: input.guildId,
          channelId: input.channelId,
          starterId: input.starterId,
          locale: input.locale,
          questionCount: input.questionIds.length,
          secondsPerQuestion: input.secondsPerQuestion,
          topic: input.topic,
          domain: input.domain,
          createdAt: input.now,
        })
        .returning()
        .get();
      tx.insert(roundQuestions)
        .values(input.questionIds.map((questionId, position) => ({ roundId: row.id, position, questionId })))
        .run();
      return row;
    }, IMMEDIATE);
    return { ok: true, round };
  } catch (error) {
    const running = findRunningRound(db, input.channelId);
    if (running && isUniqueViolation(error)) return { ok: false, running };
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

export function findRunningRound(db: Db, channelId: string): RoundRow | undefined {
  return db
    .select()
    .from(rounds)
    .where(and(eq(rounds.channelId, channelId), eq(rounds.status, 'running')))
    .get();
}

export function getRound(db: Db, roundId: number): RoundRow | undefined {
  return db.select().from(rounds).where(eq(rounds.id, roundId)).get();
}

export function runningRounds(db: Db): RoundRow[] {
  return db.select().from(rounds).where(eq(rounds.status, 'running')).orderBy(asc(rounds.id)).all();
}

export function roundQuestionList(db: Db, roundId: number): RoundQuestionRow[] {
  return db
    .select()
    .from(roundQuestions)
    .where(eq(roundQuestions.roundId, roundId))
    .orderBy(asc(roundQuestions.position))
    .all();
}

export function roundQuestionAt(db: Db, roundId: number, position: number): RoundQuestionRow | undefined {
  return db
    .select()
    .from(roundQuestions)
    .where(and(eq(roundQuestions.roundId, roundId), eq(roundQuestions.position, position)))
    .get();
}

/** Question id → when this server last had it in a round (any status). */
export function lastPlayedAt(db: Db, guildId: string): Map<string, number> {
  const rows = db
    .select({ questionId: roundQuestions.questionId, at: max(rounds.createdAt) })
    .from(roundQuestions)
    .innerJoin(rounds, eq(rounds.id, roundQuestions.roundId))
    .where(eq(rounds.guildId, guildId))
    .groupBy(roundQuestions.questionId)
    .all();
  return new Map(rows.map((r) => [r.questionId, r.at ?? 0]));
}

/** Written before the message is sent, so the deadline shown and the one enforced are the same. */
export function markOpened(
  db: Db,
  roundId: number,
  position: number,
  openedAt: number,
  deadlineAt: number,
): void {
  db.update(roundQuestions)
    .set({ openedAt, deadlineAt, messageId: null, revealedAt: null })
    .where(and(eq(roundQuestions.roundId, roundId), eq(roundQuestions.position, position)))
    .run();
}

export function setMessageId(db: Db, roundId: number, position: number, messageId: string): void {
  db.update(roundQuestions)
    .set({ messageId })
    .where(and(eq(roundQuestions.roundId, roundId), eq(roundQuestions.position, position)))
    .run();
}

/** Marks the question revealed and moves the round on; idempotent. */
export function markRevealed(db: Db, roundId: number, position: number, now: number): void {
  db.transaction((tx) => {
    tx.update(roundQuestions)
      .set({ revealedAt: now })
      .where(
        and(
          eq(roundQuestions.roundId, roundId),
          eq(roundQuestions.position, position),
          isNull(roundQuestions.revealedAt),
        ),
      )
      .run();
    tx.update(rounds)
      .set({ currentPosition: position + 1 })
      .where(and(eq(rounds.id, roundId), eq(rounds.currentPosition, position)))
      .run();
  }, IMMEDIATE);
}

/** Ends a running round; false when it had already ended (a second stop, a race with the last reveal). */
export function endRound(
  db: Db,
  roundId: number,
  status: Exclude<RoundStatus, 'running'>,
  now: number,
  stoppedBy: string | null = null,
): boolean {
  const result = db
    .update(rounds)
    .set({ status, endedAt: now, stoppedBy })
    .where(and(eq(rounds.id, roundId), eq(rounds.status, 'running')))
    .run();
  return result.changes > 0;
}

export function answersForQuestion(db: Db, roundId: number, questionId: string): AnswerRow[] {
  return db
    .select()
    .from(answers)
    .where(and(eq(answers.roundId, roundId), eq(answers.questionId, questionId)))
    .orderBy(asc(answers.id))
    .all();
}

export interface RoundTotal {
  userId: string;
  points: number;
  correct: number;
  answered: number;
  /** When the member's last correct answer came in (podium tie-break), if any. */
  lastCorrectAtMs?: number;
}

export function roundTotals(db: Db, roundId: number): RoundTotal[] {
  return db
    .select({
      userId: answers.userId,
      points: sql<number>`sum(${answers.points})`,
      correct: sql<number>`sum(${answers.correct})`,
      answered: sql<number>`count(*)`,
      lastCorrectAt: sql<number | null>`max(case when ${answers.correct} then ${answers.answeredAt} end)`,
    })
    .from(answers)
    .where(eq(answers.roundId, roundId))
    .groupBy(answers.userId)
    .all()
    .map(({ lastCorrectAt, ...total }) =>
      lastCorrectAt === null ? total : { ...total, lastCorrectAtMs: lastCorrectAt },
    );
}

/** Opened questions that never got their reveal edit, in rounds that are no longer running. */
export function unrevealedInEndedRounds(db: Db): Array<{ round: RoundRow; question: RoundQuestionRow }> {
  return db
    .select({ round: rounds, question: roundQuestions })
    .from(roundQuestions)
    .innerJoin(rounds, eq(rounds.id, roundQuestions.roundId))
    .where(
      and(
        inArray(rounds.status, ['finished', 'stopped']),
        isNotNull(roundQuestions.messageId),
        isNull(roundQuestions.revealedAt),
      ),
    )
    .all();
}
