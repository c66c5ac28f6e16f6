import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/deck/random';
import { rebuildCards, type MemberCard } from '../../src/practice/card-store';
import { answerPracticeItem, currentItem, startOrResume } from '../../src/practice/practice';
import { chooseNextItem, weaknessWeight } from '../../src/practice/select';
import { createTempDb } from '../support/temp-db';
import { examItems, practiceDeck } from './fixtures';

const member = { guildId: '100000000000000001', userId: '200000000000000002' };
const t0 = Date.UTC(2026, 11, 1, 12, 0);

function card(questionId: string, over: Partial<MemberCard> = {}): MemberCard {
  return {
    questionId,
    due: t0,
    stability: 5,
    difficulty: 5,
    scheduledDays: 5,
    learningSteps: 0,
    reps: 2,
    lapses: 0,
    state: 2,
    lastReview: t0 - 5 * 86_400_000,
    correct: 2,
    ...over,
  };
}

describe('choosing the next practice item', () => {
  const deck = practiceDeck(examItems(20));
  const pool = deck.examTier;
  const base = { pool, questionById: deck.questionById, exclude: new Set<string>(), now: t0 };

  it('takes due cards first, the most forgotten one first, and skips excluded and not-yet-due ones', () => {
    const cards = [
      card('ex-1-0', { due: t0 - 86_400_000 }),
      card('ex-2-0', { due: t0 - 1, lastReview: t0 - 40 * 86_400_000 }),
      card('ex-3-0', { due: t0 + 1 }),
    ];
    expect(chooseNextItem({ ...base, cards, random: Math.random })).toEqual({
      questionId: 'ex-2-0',
      reason: 'due',
    });
    expect(chooseNextItem({ ...base, cards, exclude: new Set(['ex-2-0']), random: Math.random })).toEqual({
      questionId: 'ex-1-0',
      reason: 'due',
    });
  });

  it('then draws new items by exam domain weight (20/24/28/14/14) over many draws', () => {
    const random = seededRandom('draws');
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 5000; i++) {
      const next = chooseNextItem({ ...base, cards: [], random })!;
      expect(next.reason).toBe('new');
      counts[deck.questionById.get(next.questionId)!.domain - 1]! += 1;
    }
    const shares = counts.map((c) => c / 5000);
    [0.2, 0.24, 0.28, 0.14, 0.14].forEach((w, i) => expect(Math.abs(shares[i]! - w)).toBeLessThan(0.025));
  });

  it("weights new items toward the member's weakest objectives", () => {
    // Objective 1.1.1 always missed, 1.2.1 always right (from reviewed items of domain 1).
    const cards = [
      card('ex-1-0', { reps: 4, correct: 0, due: t0 + 1e9 }),
      card('ex-1-1', { reps: 4, correct: 4, due: t0 + 1e9 }),
    ];
    const accuracy = new Map([
      ['1.1.1', { reviews: 4, correct: 0 }],
      ['1.2.1', { reviews: 4, correct: 4 }],
    ]);
    expect(weaknessWeight(deck.questionById.get('ex-1-2')!, accuracy)).toBe(4);
    expect(weaknessWeight(deck.questionById.get('ex-1-3')!, accuracy)).toBe(1);
    const random = seededRandom('weak');
    let weak = 0;
    let strong = 0;
    for (let i = 0; i < 4000; i++) {
      const q = deck.questionById.get(chooseNextItem({ ...base, cards, random })!.questionId)!;
      if (q.domain !== 1) continue;
      if (q.objectives[0] === '1.1.1') weak += 1;
      else strong += 1;
    }
    expect(weak / strong).toBeGreaterThan(3);
    expect(weak / strong).toBeLessThan(5);
  });

  it('reviews ahead, lowest retrievability first, when nothing is due and nothing is new', () => {
    const few = practiceDeck(examItems(1));
    const cards = few.examTier.map((q, i) => card(q.id, { due: t0 + (i + 1) * 86_400_000 }));
    const next = chooseNextItem({
      ...base,
      pool: few.examTier,
      questionById: few.questionById,
      cards,
      random: Math.random,
    });
    expect(next?.reason).toBe('ahead');
    expect(chooseNextItem({ ...base, pool: [], cards: [], random: Math.random })).toBeNull();
  });
});

describe('practice sessions in SQLite', () => {
  let temp: ReturnType<typeof createTempDb>;
  const deck = practiceDeck();
  beforeEach(() => {
    temp = createTempDb();
  });
  afterEach(() => temp.cleanup());

  const answerCurrent = (now: number, right: boolean) => {
    const current = currentItem(temp, deck, temp.stores.sessions.findOpen(member)!, now);
    if (current.kind !== 'item') throw new Error('no item');
    const q = current.question;
    const choice =
      q.type === 'match'
        ? right
          ? q.answers
          : [...q.answers].reverse()
        : right
          ? q.answers
          : [(q.answers[0]! + 1) % 4];
    return answerPracticeItem(
      temp,
      deck,
      {
        sessionId: current.session.id,
        position: current.item.position,
        member,
        choice: q.type === 'match' ? { full: choice } : { button: choice[0]! },
      },
      now + 30_000,
    );
  };

  it('resumes the open session at its unanswered item after a reopen, refuses a second answer, finishes', () => {
    const first = startOrResume(temp, deck, member, 3, t0, seededRandom('s'));
    expect(first.kind).toBe('item');
    expect(first.resumed).toBe(false);
    expect(answerCurrent(t0, true).status).toBe('answered');
    const shown = currentItem(temp, deck, temp.stores.sessions.findOpen(member)!, t0 + 60_000);
    temp.reopen();
    const resumed = startOrResume(temp, deck, member, 10, t0 + 120_000);
    expect(resumed.resumed).toBe(true);
    expect(resumed.kind === 'item' && shown.kind === 'item' && resumed.item.questionId).toBe(
      shown.kind === 'item' && shown.item.questionId,
    );
    expect(resumed.session.size).toBe(3);
    if (resumed.kind !== 'item') throw new Error('expected an item');
    const again = answerPracticeItem(
      temp,
      deck,
      { sessionId: resumed.session.id, position: 0, member, choice: { button: 0 } },
      t0 + 130_000,
    );
    expect(again.status).toBe('already');
    const other = answerPracticeItem(
      temp,
      deck,
      {
        sessionId: resumed.session.id,
        position: 1,
        member: { ...member, userId: '3'.repeat(18) },
        choice: { button: 0 },
      },
      t0 + 130_000,
    );
    expect(other.status).toBe('not-yours');
    expect(answerCurrent(t0 + 140_000, false).status).toBe('answered');
    const last = answerCurrent(t0 + 200_000, true);
    expect(last.status === 'answered' && last.last).toBe(true);
    expect(temp.stores.sessions.findOpen(member)).toBeNull();
  });

  it('derives cards from the review events: a rebuild gives back exactly the stored cards', () => {
    let now = t0;
    for (let s = 0; s < 3; s++) {
      startOrResume(temp, deck, member, 4, now, seededRandom(`r${s}`));
      for (let i = 0; i < 4; i++) {
        answerCurrent(now, (i + s) % 3 !== 0);
        now += 60_000;
      }
      now += 3 * 86_400_000;
    }
    const stored = temp.stores.cards.cards(member).sort((a, b) => a.questionId.localeCompare(b.questionId));
    expect(stored.length).toBeGreaterThan(4);
    expect(stored.some((c) => c.reps > 1)).toBe(true);
    expect(rebuildCards(temp, member)).toBe(12);
    const rebuilt = temp.stores.cards.cards(member).sort((a, b) => a.questionId.localeCompare(b.questionId));
    expect(rebuilt).toEqual(stored);
  });
});
