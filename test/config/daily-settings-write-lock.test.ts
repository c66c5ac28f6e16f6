import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateDailySettings, type DailySettingsPatch } from '../../src/config/daily-settings';
import { ensureGuild } from '../../src/guilds/guild-settings';
import { openOtherShardWriter } from '../support/other-shard-writer';
import { createTempDb } from '../support/temp-db';

const guildId = '100000000000000001';

describe('/config settings with another shard writing to the same file', () => {
  let temp: ReturnType<typeof createTempDb>;
  let otherShard: ReturnType<typeof openOtherShardWriter>;
  beforeEach(() => {
    temp = createTempDb();
    otherShard = openOtherShardWriter(temp.path);
    ensureGuild(temp.db, guildId, 'UTC', 0);
  });
  afterEach(() => {
    otherShard.close();
    temp.cleanup();
  });

  it('updateDailySettings holds the write lock from its first read: the other shard waits, the change is saved', () => {
    const before = ensureGuild(temp.db, guildId, 'UTC', 0);
    const attempts: (string | null)[] = [];
    // The patch is read (spread into the update) after the settings row was read, before it is written.
    const patch: DailySettingsPatch = {};
    Object.defineProperty(patch, 'dailyTime', {
      enumerable: true,
      get: () => {
        attempts.push(otherShard.tryWrite());
        return '07:30';
      },
    });

    const after = updateDailySettings(temp.db, guildId, patch, 'UTC', 1);

    expect(attempts).toEqual(['SQLITE_BUSY']);
    expect(after.dailyTime).toBe('07:30');
    expect(after.settingsVersion).toBe(before.settingsVersion + 1);
    expect(otherShard.tryWrite()).toBeNull();
  });
});
