import { choiceFromInput, storeChoice, type ChoiceInput } from '../answers/choice';
import { recordAnswer } from '../answers/record-answer';
import type { AnswerStore } from '../answers/answer-store';
import type { WithStores } from '../db/with-stores';
import { tierQuestions, type DeckIndex } from '../deck';
import { ensureGuild } from '../guilds/guild-settings';
import { isCorrectChoice } from '../quiz/scoring';
import { drawMock, MOCK_ITEMS } from './draw';
import type { Member, MockExam, MockItem, MockStore } from './mock-store';
import { scoreMock } from './scoring';

export const DEFAULT_MOCK_MINUTES = 90;

/**
 * A mock at a given moment: running (with its items), or finished. The clock is the server's: a mock
 * whose deadline passed is closed as timed out by whatever looks at it first (a click or /mock), so going
 * away does not pause it and no message is edited without a fresh click.
 */
export type MockView = { mock: MockExam; items: MockItem[] };

/** What the mock's rules run on: the database (its transactions) and the stores they use. */
export type MockData = WithStores<{ mocks: MockStore; answers: AnswerStore }>;

/** The member's running mock (timed out first if its time is up), or a new one of 65 drawn items. */
export function startOrResumeMock(
  data: MockData,
  deck: DeckIndex,
  member: Member,
  options: { now: number; minutes: number; random?: () => number; defaultTimezone?: string },
): MockView & { resumed: boolean; closed?: MockView } {
  const { now } = options;
  const { db, stores } = data;
  ensureGuild(db, member.guildId, options.defaultTimezone ?? 'UTC', now);
  let closed: MockView | undefined;
  const running = stores.mocks.findRunning(member);
  if (running) {
    const view = expireIfDue(data, deck, running, now);
    if (view.mock.status === 'running') return { ...view, resumed: true };
    closed = view;
  }
  const questions = drawMock(tierQuestions(deck, 'exam'), options.random ?? Math.random, MOCK_ITEMS);
  const mock =
    stores.mocks.insert(
      member,
      questions.map((q) => q.id),
      now,
      now + options.minutes * 60_000,
    ) ?? stores.mocks.findRunning(member)!;
  return { mock, items: stores.mocks.items(mock.id), resumed: false, ...(closed ? { closed } : {}) };
}

/** Closes a running mock whose deadline has passed (status 'timed_out'); otherwise leaves it. */
export function expireIfDue(data: MockData, deck: DeckIndex, mock: MockExam, now: number): MockView {
  if (mock.status === 'running' && now >= mock.deadlineAt)
    return finishMock(data, deck, mock.id, 'timed_out', now);
  return { mock, items: data.stores.mocks.items(mock.id) };
}

/**
 * Scores and closes a mock in one transaction: its answered items become answer events (kind 'mock',
 * 0 points: /stats, not the leaderboard). A mock closed already is returned as it is.
 */
export function finishMock(
  data: MockData,
  deck: DeckIndex,
  mockId: number,
  status: 'submitted' | 'timed_out',
  now: number,
): MockView {
  const { db } = data;
  const { mocks } = data.stores;
  // Immediate: it reads, then writes; deferred would fail (SQLITE_BUSY_SNAPSHOT) after another shard's write.
  return db.transaction(
    (): MockView => {
      const mock = mocks.find(mockId)!;
      const items = mocks.items(mockId);
      if (mock.status !== 'running') return { mock, items };
      const result = scoreMock(items, deck.questionById);
      // A timed-out mock ends at its deadline, whenever the bot noticed.
      const finishedAt = status === 'timed_out' ? mock.deadlineAt : now;
      if (!mocks.close(mockId, { status, finishedAt, correct: result.correct, scaledScore: result.scaled }))
        return { mock: mocks.find(mockId)!, items };
      for (const item of items) {
        const question = deck.questionById.get(item.questionId);
        if (!question || item.choice === null) continue;
        const choice = item.choice.split(',').map(Number);
        recordAnswer(data, {
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
      return { mock: mocks.find(mockId)!, items };
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
  data: MockData,
  deck: DeckIndex,
  input: { mockId: number; member: Member; action: MockAction },
  now: number,
): MockActionResult {
  const { mocks } = data.stores;
  const mock = mocks.find(input.mockId);
  if (!mock) return { status: 'gone' };
  if (mock.guildId !== input.member.guildId || mock.userId !== input.member.userId)
    return { status: 'not-yours' };
  const view = expireIfDue(data, deck, mock, now);
  if (view.mock.status !== 'running') return { status: 'finished', view };
  const { action } = input;
  const last = view.items.length - 1;
  if (action.kind === 'submit')
    return { status: 'finished', view: finishMock(data, deck, mock.id, 'submitted', now) };
  const position = Math.min(Math.max(0, action.position), last);
  if (action.kind === 'go') return { status: 'ok', view, position };
  if (action.kind === 'flag') {
    mocks.toggleFlag(mock.id, position);
    return { status: 'ok', view: { mock, items: mocks.items(mock.id) }, position };
  }
  const item = view.items[position];
  const question = item ? deck.questionById.get(item.questionId) : undefined;
  if (!question) return { status: 'gone' };
  const choice = choiceFromInput(question, action.choice);
  if (!choice) return { status: 'bad-choice' };
  mocks.setChoice(mock.id, position, storeChoice(choice));
  return {
    status: 'ok',
    view: { mock, items: mocks.items(mock.id) },
    position: Math.min(position + 1, last),
  };
}
