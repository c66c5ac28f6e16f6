import { describe, expect, it } from 'vitest';
import { pickServiceOfDay } from '../../src/daily/rotation';

/** Posts `days` services of the day in a row, as the daily tick does, for a deck that may change. */
function run(days: number, deckOn: (day: number) => string[], history: string[] = []): string[] {
  for (let day = 0; day < days; day++) history.push(pickServiceOfDay(deckOn(day), 'guild-1', history)!);
  return history;
}

const deck = ['A', 'B', 'C', 'D', 'E', 'F'];

describe('pickServiceOfDay', () => {
  it('shows every service once per cycle, in a new order each cycle', () => {
    const history = run(18, () => deck);
    for (let cycle = 0; cycle < 3; cycle++) {
      expect([...history.slice(cycle * 6, cycle * 6 + 6)].sort()).toEqual(deck);
    }
    expect(
      new Set([history.slice(0, 6).join(), history.slice(6, 12).join(), history.slice(12).join()]).size,
    ).toBe(3);
  });

  it('does not bring back a recent service when the deck gains or loses one mid-cycle', () => {
    const history = run(3, () => deck);
    // The notes change: a service is added and one that was never shown is dropped.
    const shown = new Set(history);
    const dropped = deck.find((name) => !shown.has(name))!;
    const next = [...deck.filter((name) => name !== dropped), 'G'];
    run(next.length - 3, () => next, history);
    const cycle = history.slice(0, next.length);
    expect(new Set(cycle).size).toBe(cycle.length);
    expect([...cycle].sort()).toEqual([...next].sort());
  });

  it('still shows every remaining service before a repeat when a shown one leaves the deck', () => {
    const history = run(4, () => deck);
    const next = deck.filter((name) => name !== history[0]);
    run(2, () => next, history);
    // The two services not yet shown come next; only then does a new cycle start.
    expect([...history.slice(1)].sort()).toEqual([...next].sort());
  });

  it('a different server gets a different order', () => {
    const other: string[] = [];
    for (let day = 0; day < 6; day++) other.push(pickServiceOfDay(deck, 'guild-2', other)!);
    expect(other.join()).not.toBe(run(6, () => deck).join());
  });
});
