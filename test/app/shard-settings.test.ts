import { describe, expect, it } from 'vitest';
import { SHARD_MANAGER_PID_ENV, shardManagerPid } from '../../src/app/shard-manager';
import { EnvError, parseEnv } from '../../src/env';

const valid = {
  DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GsEcRt.secret-token-value-0123456789ab',
  DISCORD_CLIENT_ID: '123456789012345678',
};

describe('SHARDS', () => {
  it('is unset by default (one process), blank included', () => {
    expect(parseEnv(valid).SHARDS).toBeUndefined();
    expect(parseEnv({ ...valid, SHARDS: '' }).SHARDS).toBeUndefined();
  });

  it('takes auto or a whole number', () => {
    expect(parseEnv({ ...valid, SHARDS: 'auto' }).SHARDS).toBe('auto');
    expect(parseEnv({ ...valid, SHARDS: '2' }).SHARDS).toBe(2);
    expect(parseEnv({ ...valid, SHARDS: '64' }).SHARDS).toBe(64);
  });

  it.each(['0', '65', 'two', '1.5', '-1', 'AUTO '])(
    'refuses %j, naming the key and what it takes',
    (value) => {
      let error: unknown;
      try {
        parseEnv({ ...valid, SHARDS: value });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      expect(message).toContain('SHARDS');
      expect(message).toContain('must be auto or a whole number of shards from 1 to 64');
    },
  );
});

describe('shardManagerPid', () => {
  it('reads the pid a shard manager gives its shards, nothing otherwise', () => {
    expect(shardManagerPid({ [SHARD_MANAGER_PID_ENV]: '4242' })).toBe(4242);
    expect(shardManagerPid({})).toBeUndefined();
    expect(shardManagerPid({ [SHARD_MANAGER_PID_ENV]: '' })).toBeUndefined();
    expect(shardManagerPid({ [SHARD_MANAGER_PID_ENV]: 'x1' })).toBeUndefined();
    // discord.js's own SHARDS/SHARDING_MANAGER do not make a process a shard of ours.
    expect(shardManagerPid({ SHARDING_MANAGER: 'true', SHARDS: '0' })).toBeUndefined();
  });
});
