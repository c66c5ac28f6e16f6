import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answers } from '../../src/db/schema';
import { seededRandom } from '../../src/deck/random';
import { actOnMock, finishMock, startOrResumeMock } from '../../src/mock/mock';
import { createTempDb } from '../support/temp-db';
import { examItems, practiceDeck } from '../practice/fixtures';

const member = { guildId: '100000000000000001', userId: '200000000000000002' };
const t0 = Date.UTC(2026, 11, 1, 12, 0);
const deck = practiceDeck(examItems(14));

describe('mock rules on SQLite', () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => {
    temp = createTempDb();
  });
  afterEach(() => temp.cleanup());

  const start = (now = t0) =>
    startOrResumeMock(temp, deck, member, { now, minutes: 90, random: seededRandom(`m${now}`) });

  it('one running mock per member: a second start resumes it, another member gets their own', () => {
    const first = start();
    expect(first.resumed).toBe(false);
    expect(first.items).toHaveLength(65);
    expect(first.mock.deadlineAt).toBe(t0 + 90 * 60_000);
    const again = start(t0 + 60_000);
    expect(again.resumed).toBe(true);
    expect(again.mock.id).toBe(first.mock.id);
    const other = startOrResumeMock(
      temp,
      deck,
      { ...member, userId: '3'.repeat(18) },
      { now: t0, minutes: 90 },
    );
    expect(other.mock.id).not.toBe(first.mock.id);
    const refused = actOnMock(
      temp,
      deck,
      {
        mockId: first.mock.id,
        member: { ...member, userId: '3'.repeat(18) },
        action: { kind: 'flag', position: 0 },
      },
      t0,
    );
    expect(refused.status).toBe('not-yours');
  });

  it('answers move on and can be changed; flags toggle; a choice that does not fit is refused', () => {
    const { mock, items } = start();
    const q = deck.questionById.get(items[0]!.questionId)!;
    const act = (action: Parameters<typeof actOnMock>[2]['action'], now = t0 + 1000) =>
      actOnMock(temp, deck, { mockId: mock.id, member, action }, now);
    const input = q.type === 'match' ? { full: q.answers } : { button: q.answers[0]! };
    const answered = act({ kind: 'answer', position: 0, choice: input });
    expect(answered.status === 'ok' && answered.position).toBe(1);
    expect(answered.status === 'ok' && answered.view.items[0]!.choice).toBe(q.answers.join(','));
    if (q.type !== 'match') {
      const changed = act({ kind: 'answer', position: 0, choice: { button: (q.answers[0]! + 1) % 4 } });
      expect(changed.status === 'ok' && changed.view.items[0]!.choice).toBe(String((q.answers[0]! + 1) % 4));
      expect(act({ kind: 'answer', position: 0, choice: { button: 9 } }).status).toBe('bad-choice');
    }
    const flagged = act({ kind: 'flag', position: 5 });
    expect(flagged.status === 'ok' && flagged.view.items[5]!.flagged).toBe(true);
    const unflagged = act({ kind: 'flag', position: 5 });
    expect(unflagged.status === 'ok' && unflagged.view.items[5]!.flagged).toBe(false);
    expect(
      act({ kind: 'go', position: 99 }).status === 'ok' &&
        (act({ kind: 'go', position: 99 }) as { position: number }).position,
    ).toBe(64);
  });

  it('the deadline is the server clock: one ms before it works, at it the mock is timed out and closed once', () => {
    const { mock, items } = start();
    const q = deck.questionById.get(items[1]!.questionId)!;
    const input = q.type === 'match' ? { full: q.answers } : { button: q.answers[0]! };
    const before = actOnMock(
      temp,
      deck,
      { mockId: mock.id, member, action: { kind: 'answer', position: 1, choice: input } },
      mock.deadlineAt - 1,
    );
    expect(before.status).toBe('ok');
    const at = actOnMock(
      temp,
      deck,
      { mockId: mock.id, member, action: { kind: 'flag', position: 2 } },
      mock.deadlineAt,
    );
    expect(at.status).toBe('finished');
    if (at.status !== 'finished') throw new Error('not finished');
    expect(at.view.mock).toMatchObject({
      status: 'timed_out',
      finishedAt: mock.deadlineAt,
      correct: 1,
      scaledScore: 114,
    });
    // Closing again (another click, a restart) records nothing twice.
    finishMock(temp, deck, mock.id, 'submitted', mock.deadlineAt + 5000);
    expect(temp.db.select().from(answers).all()).toHaveLength(1);
    expect(temp.stores.mocks.past(member).map((m) => m.status)).toEqual(['timed_out']);
    // Answering after the end changes nothing.
    const late = actOnMock(
      temp,
      deck,
      { mockId: mock.id, member, action: { kind: 'answer', position: 3, choice: input } },
      mock.deadlineAt + 10,
    );
    expect(late.status).toBe('finished');
    expect(late.status === 'finished' && late.view.items[3]!.choice).toBeNull();
  });
});
