import { choiceFromInput, storeChoice, type ChoiceInput } from '../answers/choice';
import { recordAnswer } from '../answers/record-answer';
import type { Db } from '../db/database';
import { tierQuestions, type DeckIndex } from '../deck';
import { ensureGuild } from '../guilds/guild-settings';
import { isCorrectChoice } from '../quiz/scoring';
import { drawMock, MOCK_ITEMS } from './draw';
import {
  closeMock,
  findMock,
  findRunningMock,
  insertMock,
  mockItems,
  setChoice,
  toggleFlag,
  type Member,
  type MockExam,
  type MockItem,
} from './mock-store';
import { scoreMock } from './scoring';

export const DEFAULT_MOCK_MINUTES = 90;

/**
 * A mock at a given moment: running (with its items), or finished. The clock is the server's: a mock
 * whose deadline passed is closed as timed out by whatever looks at it first (a click or /mock), so going
 * away does not pause it and no message is edited without a fresh click.
 */
export type MockView = { mock: MockExam; items: MockItem[] };

/** The member's running mock (timed out first if its time is up), or a new one of 65 drawn items. */
export function startOrResumeMock(
  db: Db,
  deck: DeckIndex,
  member: Member,
  options: { now: number; minutes: number; random?: () => number; defaultTimezone?: string },
): MockView & { resumed: boolean; closed?: MockView } {
  const { now } = options;
  ensureGuild(db, member.guildId, options.defaultTimezone ?? 'UTC', now);
  let closed: MockView | undefined;
  const running = findRunningMock(db, member);
  if (running) {
    const view = expireIfDue(db, deck, running, now);
    if (view.mock.status === 'running') return { ...view, resumed: true };
    closed = view;
  }
  const questions = drawMock(tierQuestions(deck, 'exam'), options.random ?? Math.random, MOCK_ITEMS);
  const mock =
    insertMock(
      db,
      member,
      questions.map((q) => q.id),
      now,
      now + options.minutes * 60_000,
    ) ?? findRunningMock(db, member)!;
  return { mock, items: mockItems(db, mock.id), resumed: false, ...(closed ? { closed } : {}) };
}

/** Closes a running mock whose deadline has passed (status 'timed_out'); otherwise leaves it. */
export function expireIfDue(db: Db, deck: DeckIndex, mock: MockExam, now: number): MockView {
  if (mock.status === 'running' && now >= mock.deadlineAt)
    return finishMock(db, deck, mock.id, 'timed_out', now);
  return { mock, items: mockItems(db, mock.id) };
}

/**
 * Scores and closes a mock in one transaction: its answered items become answer events (kind 'mock',
 * 0 points: /stats, not the leaderboard). A mock closed already is returned as it is.
 */
export function finishMock(
  db: Db,
  deck: DeckIndex,
  mockId: number,
  status: 'submitted' | 'timed_out',
  now: number,
): MockView {
  // Immediate: it reads, then writes; deferred would fail (SQLITE_BUSY_SNAPSHOT) after another shard's write.
  return db.transaction(
    (): MockView => {
      const mock = findMock(db, mockId)!;
      const items = mockItems(db, mockId);
      if (mock.status !== 'running') return { mock, items };
      const result = scoreMock(items, deck.questionById);
      // A timed-out mock ends at its deadline, whenever the bot noticed.
      const finishedAt = status === 'timed_out' ? mock.deadlineAt : now;
      if (!closeMock(db, mockId, { status, finishedAt, correct: result.correct, scaledScore: result.scaled }))
        return { mock: findMock(db, mockId)!, items };
      for (const item of items) {
        const question = deck.questionById.get(item.questionId);
        if (!question || item.choice === null) continue;
        const choice = item.choice.split(',').map(Number);
        recordAnswer(db, {
          guildId: mock.guildId,
          userId: mock.userId,
          questionId: question.id,
          kind: 'mock',
          choice,
          correct: isCorrectChoice(choice, question.answers, question.type),
          responseMs: 0,
          points: 0,
          domain: question.domain,
          topic: question.topic,
          answeredAt: finishedAt,
        });
      }
      return { mock: findMock(db, mockId)!, items };
    },
    { behavior: 'immediate' },
  );
}

export type MockAction =
  | { kind: 'answer'; position: number; choice: ChoiceInput }
  | { kind: 'flag'; position: number }
  | { kind: 'go'; position: number }
  | { kind: 'submit' };

export type MockActionResult =
  | { status: 'ok'; view: MockView; position: number }
  | { status: 'finished'; view: MockView }
  | { status: 'gone' | 'not-yours' | 'bad-choice' };

/**
 * One click on a mock: checks the member and the server clock first (a mock past its deadline is closed
 * and its result shown, whatever was clicked), then answers (and moves on to the next item), flags,
 * moves or submits.
 */
export function actOnMock(
  db: Db,
  deck: DeckIndex,
  input: { mockId: number; member: Member; action: MockAction },
  now: number,
): MockActionResult {
  const mock = findMock(db, input.mockId);
  if (!mock) return { status: 'gone' };
  if (mock.guildId !== input.member.guildId || mock.userId !== input.member.userId)
    return { status: 'not-yours' };
  const view = expireIfDue(db, deck, mock, now);
  if (view.mock.status !== 'running') return { status: 'finished', view };
  const { action } = input;
  const last = view.items.length - 1;
  if (action.kind === 'submit')
    return { status: 'finished', view: finishMock(db, deck, mock.id, 'submitted', now) };
  const position = Math.min(Math.max(0, action.position), last);
  if (action.kind === 'go') return { status: 'ok', view, position };
  if (action.kind === 'flag') {
    toggleFlag(db, mock.id, position);
    return { status: 'ok', view: { mock, items: mockItems(db, mock.id) }, position };
  }
  const item = view.items[position];
  const question = item ? deck.questionById.get(item.questionId) : undefined;
  if (!question) return { status: 'gone' };
  const choice = choiceFromInput(question, action.choice);
  if (!choice) return { status: 'bad-choice' };
  setChoice(db, mock.id, position, storeChoice(choice));
  return {
    status: 'ok',
    view: { mock, items: mockItems(db, mock.id) },
    position: Math.min(position + 1, last),
  };
}
