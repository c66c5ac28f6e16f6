import { describe, expect, it } from 'vitest';
import { ownsGuildFor, shardOfGuild } from '../../src/discord/shards';

describe('shardOfGuild (Discord: (guild_id >> 22) % shard_count)', () => {
  it('takes the timestamp bits, not the low bits', () => {
    // 175928847299117063 >> 22 = 41944705796
    expect(shardOfGuild('175928847299117063', 1)).toBe(0);
    expect(shardOfGuild('175928847299117063', 2)).toBe(0);
    expect(shardOfGuild('175928847299117063', 3)).toBe(2);
    expect(shardOfGuild('175928847299117063', 16)).toBe(4);
    // 1000000000000000000 >> 22 = 238418579101
    expect(shardOfGuild('1000000000000000000', 2)).toBe(1);
    expect(shardOfGuild('1000000000000000000', 16)).toBe(13);
  });

  it('keeps precision past 2^53 (ids are 64-bit)', () => {
    // Number('18446744073709551615') would round; BigInt does not: (2^64 - 1) >> 22 = 2^42 - 1.
    expect(shardOfGuild('18446744073709551615', 7)).toBe(Number((2n ** 42n - 1n) % 7n));
  });

  it('changes only with the timestamp: ids a shard-count of ms apart share a shard', () => {
    const at = (ms: bigint) => ((ms << 22n) | 0x3fffffn).toString();
    expect(shardOfGuild(at(1000n), 4)).toBe(0);
    expect(shardOfGuild(at(1001n), 4)).toBe(1);
    expect(shardOfGuild(at(1004n), 4)).toBe(0);
  });
});

describe('ownsGuildFor', () => {
  it('owns every guild when not sharded', () => {
    const owns = ownsGuildFor([0], 1);
    expect(owns('175928847299117063')).toBe(true);
    expect(owns('1000000000000000000')).toBe(true);
  });

  it('owns only the guilds of its own shards', () => {
    const zero = ownsGuildFor([0], 2);
    const one = ownsGuildFor([1], 2);
    expect([zero('175928847299117063'), one('175928847299117063')]).toEqual([true, false]);
    expect([zero('1000000000000000000'), one('1000000000000000000')]).toEqual([false, true]);
    // A process running both shards owns both.
    const both = ownsGuildFor([0, 1], 2);
    expect(both('175928847299117063') && both('1000000000000000000')).toBe(true);
  });
});
