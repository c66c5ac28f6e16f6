import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/deck/random';
import { ensureGuild } from '../../src/guilds/guild-settings';
import { currentItem } from '../../src/practice/practice';
import { openOtherShardWriter, sqliteErrorOf } from '../support/other-shard-writer';
import { createTempDb } from '../support/temp-db';
import { practiceDeck } from './fixtures';

const member = { guildId: '100000000000000001', userId: '200000000000000002' };
const t0 = Date.UTC(2026, 11, 1, 12, 0);

describe('practice transactions with another shard writing to the same file', () => {
  let temp: ReturnType<typeof createTempDb>;
  let otherShard: ReturnType<typeof openOtherShardWriter>;
  beforeEach(() => {
    temp = createTempDb();
    otherShard = openOtherShardWriter(temp.path);
    ensureGuild(temp.db, member.guildId, 'UTC', t0);
  });
  afterEach(() => {
    otherShard.close();
    temp.cleanup();
  });

  it('why: a deferred transaction that reads, then writes after the other shard wrote, fails at once', () => {
    const sqlite = temp.db.$client;
    let otherShardWrite: string | null = 'not tried';
    const readThenWrite = sqlite.transaction(() => {
      sqlite.prepare('select count(*) from practice_sessions').get();
      otherShardWrite = otherShard.tryWrite();
      sqlite.prepare('update guilds set last_daily_error = null where id = ?').run(member.guildId);
    });

    // The other shard's write went through, so this snapshot is stale: SQLite refuses the upgrade to a
    // writer outright (no busy_timeout can help), and the whole transaction is lost.
    expect(sqliteErrorOf(() => readThenWrite.deferred())).toBe('SQLITE_BUSY_SNAPSHOT');
    expect(otherShardWrite).toBeNull();
    // Immediate: the write lock comes first, so the other shard is the one that has to wait.
    expect(sqliteErrorOf(() => readThenWrite.immediate())).toBeNull();
    expect(otherShardWrite).toBe('SQLITE_BUSY');
  });

  it('currentItem holds the write lock from its first read: the other shard waits, and no one fails', () => {
    const deck = practiceDeck();
    const session = temp.stores.sessions.insert(member, 5, t0);
    const draw = seededRandom('lock');
    const attempts: (string | null)[] = [];
    // The draw runs inside the transaction, after the session's items were read and before one is stored.
    const random = () => {
      if (attempts.length === 0) attempts.push(otherShard.tryWrite());
      return draw();
    };

    const shown = currentItem(temp, deck, session, t0, random);

    expect(attempts).toEqual(['SQLITE_BUSY']);
    expect(shown.kind).toBe('item');
    expect(temp.stores.sessions.items(session.id)).toHaveLength(1);
    expect(otherShard.tryWrite()).toBeNull();
  });
});
