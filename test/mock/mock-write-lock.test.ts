import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/deck/random';
import type { Question } from '../../src/deck/types';
import { finishMock, startOrResumeMock } from '../../src/mock/mock';
import { examItems, practiceDeck } from '../practice/fixtures';
import { openOtherShardWriter } from '../support/other-shard-writer';
import { createTempDb } from '../support/temp-db';

const member = { guildId: '100000000000000001', userId: '200000000000000002' };
const t0 = Date.UTC(2026, 11, 1, 12, 0);

/** A Map that runs `hook` on its first look-up: finishMock looks questions up to score, between its reads and writes. */
class FirstLookupHook extends Map<string, Question> {
  constructor(
    entries: Map<string, Question>,
    private hook: (() => void) | null,
  ) {
    super(entries);
  }
  override get(key: string): Question | undefined {
    const hook = this.hook;
    this.hook = null;
    hook?.();
    return super.get(key);
  }
}

describe('finishing a mock with another shard writing to the same file', () => {
  let temp: ReturnType<typeof createTempDb>;
  let otherShard: ReturnType<typeof openOtherShardWriter>;
  beforeEach(() => {
    temp = createTempDb();
    otherShard = openOtherShardWriter(temp.path);
  });
  afterEach(() => {
    otherShard.close();
    temp.cleanup();
  });

  it('finishMock holds the write lock from its first read: the other shard waits, and the mock closes', () => {
    const deck = practiceDeck(examItems(14));
    const { mock } = startOrResumeMock(temp, deck, member, {
      now: t0,
      minutes: 90,
      random: seededRandom('l'),
    });
    const attempts: (string | null)[] = [];
    const questionById = new FirstLookupHook(deck.questionById, () => attempts.push(otherShard.tryWrite()));

    const view = finishMock(temp, { ...deck, questionById }, mock.id, 'submitted', t0 + 60_000);

    expect(attempts).toEqual(['SQLITE_BUSY']);
    expect(view.mock.status).toBe('submitted');
    expect(otherShard.tryWrite()).toBeNull();
  });
});
