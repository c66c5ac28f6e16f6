import { choiceFromInput, type ChoiceInput } from '../answers/choice';
import { recordAnswer } from '../answers/record-answer';
import type { AnswerStore } from '../answers/answer-store';
import type { WithStores } from '../db/with-stores';
import { tierQuestions, type DeckIndex } from '../deck';
import type { Question } from '../deck/types';
import { ensureGuild } from '../guilds/guild-settings';
import { isCorrectChoice } from '../quiz/scoring';
import { applyReview, type CardStore, type Member } from './card-store';
import type { CardState, Grade } from './scheduler';
import { chooseNextItemFrom } from './select';
import type { PracticeItem, PracticeSession, SessionStore } from './session-store';

/** What the practice rules run on: the database (its transactions) and the stores they use. */
export type PracticeData = WithStores<{ sessions: SessionStore; cards: CardStore; answers: AnswerStore }>;

export const DEFAULT_SESSION_SIZE = 10;
export const MAX_SESSION_SIZE = 25;

export type CurrentItem =
  | { kind: 'item'; session: PracticeSession; item: PracticeItem; question: Question }
  | { kind: 'done'; session: PracticeSession; answered: number; correct: number };

/**
 * The member's open session (a new one of `size` items when there is none), at its next unanswered
 * item. `resumed` says the session was already open (after a restart, or from another message).
 */
export function startOrResume(
  data: PracticeData,
  deck: DeckIndex,
  member: Member,
  size: number,
  now: number,
  random: () => number = Math.random,
  defaultTimezone = 'UTC',
): CurrentItem & { resumed: boolean } {
  const { sessions } = data.stores;
  ensureGuild(data.db, member.guildId, defaultTimezone, now);
  const open = sessions.findOpen(member);
  const session = open ?? sessions.insert(member, size, now);
  return { ...currentItem(data, deck, session, now, random), resumed: open !== null };
}

/**
 * Where a session stands: its last item when unanswered (shown again, so its answer time restarts), or a
 * new item chosen by the scheduler and stored, or "done" once `size` items are answered (or nothing is
 * left to practise). The item is stored before it is shown, so a restart shows the same one.
 */
export function currentItem(
  { db, stores }: PracticeData,
  deck: DeckIndex,
  session: PracticeSession,
  now: number,
  random: () => number = Math.random,
): CurrentItem {
  const { sessions, cards } = stores;
  // Immediate: it reads, then writes; deferred would fail (SQLITE_BUSY_SNAPSHOT) after another shard's write.
  return db.transaction(
    (): CurrentItem => {
      const items = sessions.items(session.id);
      const last = items.at(-1);
      const done = (): CurrentItem => {
        sessions.finish(session.id, now);
        return {
          kind: 'done',
          session: { ...session, finishedAt: session.finishedAt ?? now },
          ...sessions.score(session.id),
        };
      };
      if (last && last.answerId === null) {
        const question = deck.questionById.get(last.questionId);
        if (question) {
          sessions.markShown(session.id, last.position, now);
          return { kind: 'item', session, item: { ...last, shownAt: now }, question };
        }
      }
      const answered = items.filter((i) => i.answerId !== null).length;
      if (session.finishedAt !== null || answered >= session.size || items.length >= session.size)
        return done();
      const member = { guildId: session.guildId, userId: session.userId };
      const next = chooseNextItemFrom({
        pool: tierQuestions(deck, 'exam'),
        due: () => cards.dueCards(member, now),
        tallies: () => cards.tallies(member),
        all: () => cards.cards(member),
        questionById: deck.questionById,
        exclude: new Set(items.map((i) => i.questionId)),
        now,
        random,
      });
      if (!next) return done();
      const item = {
        sessionId: session.id,
        position: items.length,
        questionId: next.questionId,
        shownAt: now,
      };
      sessions.insertItem(item);
      return {
        kind: 'item',
        session,
        item: { ...item, answerId: null },
        question: deck.questionById.get(next.questionId)!,
      };
    },
    { behavior: 'immediate' },
  );
}

export type PracticeAnswer =
  | {
      status: 'answered';
      session: PracticeSession;
      position: number;
      question: Question;
      choice: number[];
      correct: boolean;
      grade: Grade;
      card: CardState;
      /** Items answered so far, including this one. */
      answered: number;
      correctSoFar: number;
      last: boolean;
    }
  | { status: 'gone' | 'not-yours' | 'already' | 'bad-choice' };

/**
 * One answer to the item at `position`: recorded as a review event (answers, kind 'practice', 0 points:
 * stats yes, leaderboard no) and folded into the member's FSRS card, in one transaction. The session is
 * finished with its last item. A second click on the same item changes nothing ('already').
 */
export function answerPracticeItem(
  { db, stores }: PracticeData,
  deck: DeckIndex,
  input: { sessionId: number; position: number; member: Member; choice: ChoiceInput },
  now: number,
): PracticeAnswer {
  const { sessions } = stores;
  const session = sessions.find(input.sessionId);
  if (!session) return { status: 'gone' };
  if (session.guildId !== input.member.guildId || session.userId !== input.member.userId)
    return { status: 'not-yours' };
  const item = sessions.items(session.id).find((i) => i.position === input.position);
  if (!item) return { status: 'gone' };
  if (item.answerId !== null) return { status: 'already' };
  const question = deck.questionById.get(item.questionId);
  if (!question) return { status: 'gone' };
  const choice = choiceFromInput(question, input.choice);
  if (!choice) return { status: 'bad-choice' };
  const correct = isCorrectChoice(choice, question.answers, question.type);
  const responseMs = Math.max(0, now - item.shownAt);

  // Immediate too (its first statement writes today): a read added before it cannot bring the failure back.
  return db.transaction(
    (): PracticeAnswer => {
      const recorded = recordAnswer(
        { db, stores },
        {
          guildId: session.guildId,
          userId: session.userId,
          questionId: question.id,
          kind: 'practice',
          practiceSessionId: session.id,
          choice,
          correct,
          responseMs,
          points: 0,
          domain: question.domain,
          topic: question.topic,
          answeredAt: now,
        },
      );
      if (!recorded.recorded || !sessions.setItemAnswer(session.id, item.position, recorded.answerId))
        return { status: 'already' };
      const { grade, card } = applyReview(stores.cards, session, {
        answerId: recorded.answerId,
        questionId: question.id,
        correct,
        responseMs,
        answeredAt: now,
      });
      const score = sessions.score(session.id);
      const last = score.answered >= session.size;
      if (last) sessions.finish(session.id, now);
      return {
        status: 'answered',
        session,
        position: item.position,
        question,
        choice,
        correct,
        grade,
        card,
        answered: score.answered,
        correctSoFar: score.correct,
        last,
      };
    },
    { behavior: 'immediate' },
  );
}
