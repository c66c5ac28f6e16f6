import { describe, expect, it } from 'vitest';
import { orderCandidates } from '../../src/quiz/order-candidates';
import {
  canStopRound,
  choiceFromComponent,
  consecutiveCorrectBefore,
  describeChoice,
  responseTimeMs,
  resumeStep,
} from '../../src/quiz/round-rules';
import { multiQ, orderQ, singleQ, trueFalseQ } from './fixtures';

describe('response time and streaks', () => {
  it('clamps the response time to [0, T]', () => {
    expect(responseTimeMs(1000, 900, 20)).toBe(0);
    expect(responseTimeMs(1000, 6000, 20)).toBe(5000);
    expect(responseTimeMs(1000, 99_000, 20)).toBe(20_000);
  });

  it('counts the run of right answers ending right before the question; missing or wrong breaks it', () => {
    const results = new Map([
      [0, true],
      [1, true],
      [3, true],
      [4, true],
      [5, true],
    ]);
    expect(consecutiveCorrectBefore(0, results)).toBe(0);
    expect(consecutiveCorrectBefore(2, results)).toBe(2);
    expect(consecutiveCorrectBefore(3, results)).toBe(0); // position 2 missing
    expect(consecutiveCorrectBefore(6, results)).toBe(3);
    expect(
      consecutiveCorrectBefore(
        2,
        new Map([
          [0, true],
          [1, false],
        ]),
      ),
    ).toBe(0);
  });
});

describe('choices', () => {
  it('maps a button to the option, or to the candidate sequence of an ordering question', () => {
    expect(choiceFromComponent(singleQ, { button: 2 })).toEqual([2]);
    expect(choiceFromComponent(singleQ, { button: 4 })).toBeNull();
    expect(choiceFromComponent(trueFalseQ, { button: 1 })).toEqual([1]);
    const { sequences, correctIndex } = orderCandidates(orderQ);
    expect(choiceFromComponent(orderQ, { button: correctIndex })).toEqual(orderQ.answers);
    expect(choiceFromComponent(orderQ, { button: 0 })).toEqual(sequences[0]);
    expect(choiceFromComponent(orderQ, { button: 4 })).toBeNull();
  });

  it('takes exactly two distinct in-range values for "choose TWO"', () => {
    expect(choiceFromComponent(multiQ, { values: ['2', '0'] })).toEqual([0, 2]);
    expect(choiceFromComponent(multiQ, { values: ['2'] })).toBeNull();
    expect(choiceFromComponent(multiQ, { values: ['2', '2'] })).toBeNull();
    expect(choiceFromComponent(multiQ, { values: ['1', '9'] })).toBeNull();
    expect(choiceFromComponent(multiQ, { button: 1 })).toBeNull();
    expect(choiceFromComponent(singleQ, { values: ['1'] })).toBeNull();
  });

  it('describes choices with letters', () => {
    expect(describeChoice(singleQ, [1])).toBe('B');
    expect(describeChoice(multiQ, [0, 2])).toBe('A + C');
    expect(describeChoice(orderQ, [1, 3, 0, 2])).toBe('B → D → A → C');
  });
});

describe('stopping and resuming', () => {
  it('lets the starter or a moderator stop', () => {
    expect(canStopRound('u1', 'u1', false)).toBe(true);
    expect(canStopRound('u1', 'u2', true)).toBe(true);
    expect(canStopRound('u1', 'u2', false)).toBe(false);
  });

  const slot = (position: number, over: Partial<Parameters<typeof resumeStep>[2][number]> = {}) => ({
    position,
    messageId: 'm',
    openedAt: 1000,
    deadlineAt: 21_000,
    revealedAt: null,
    ...over,
  });

  it('waits out the remaining time, reveals a passed deadline, re-opens an unsent question, finishes', () => {
    expect(resumeStep(1, 3, [slot(0, { revealedAt: 1 }), slot(1)], 5000)).toEqual({
      kind: 'wait',
      position: 1,
      deadlineAt: 21_000,
    });
    expect(resumeStep(1, 3, [slot(0), slot(1)], 21_000)).toEqual({ kind: 'reveal', position: 1 });
    expect(resumeStep(1, 3, [slot(0), slot(1, { messageId: null })], 5000)).toEqual({
      kind: 'open',
      position: 1,
    });
    expect(resumeStep(2, 3, [slot(2, { messageId: null, openedAt: null, deadlineAt: null })], 5000)).toEqual({
      kind: 'open',
      position: 2,
    });
    expect(resumeStep(3, 3, [], 5000)).toEqual({ kind: 'finish' });
  });
});
