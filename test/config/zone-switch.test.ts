import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderConfigShow } from '../../src/config/config-show';
import { changeDailySettings } from '../../src/config/daily-settings';
import { settleWithin } from '../../src/config/settle-within';
import { guilds } from '../../src/db/schema';
import { ensureGuild } from '../../src/guilds/guild-settings';
import { StandingsRebuilder } from '../../src/leaderboard/standings-rebuilder';
import { seedAnswer, seedGuild } from '../support/seed-answers';
import { weekKeysOf } from '../support/standings-rows';
import { createTempDb } from '../support/temp-db';

describe('changeDailySettings with a new time zone', () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => (temp = createTempDb()));
  afterEach(() => temp.cleanup());

  const weekOf = (userId: string) => weekKeysOf(temp.db, userId);
  const zone = () => temp.db.select().from(guilds).where(eq(guilds.id, 'g1')).get()?.timezone;

  it('saves the rest at once and the zone with its rebuilt standings once the switch is in', async () => {
    seedGuild(temp.db, 'UTC');
    // Monday 02:30 UTC (week 49) is still Sunday in São Paulo (week 48).
    seedAnswer(temp, { userId: 'u', answeredAt: Date.parse('2026-11-30T02:30:00Z') });
    expect(weekOf('u')).toEqual(['2026-W49']);

    const rebuilder = new StandingsRebuilder(temp);
    const { guild, zoneSwitch } = changeDailySettings(
      temp.db,
      rebuilder,
      'g1',
      { dailyTime: '10:00', timezone: 'America/Sao_Paulo' },
      'UTC',
      0,
    );
    // The reply's view: the new time, the old zone and standings until the rebuild is in.
    expect(guild).toMatchObject({ dailyTime: '10:00', timezone: 'UTC' });
    expect(zone()).toBe('UTC');
    expect(weekOf('u')).toEqual(['2026-W49']);

    await expect(settleWithin(zoneSwitch!, 5_000)).resolves.toBe('done');
    expect(zone()).toBe('America/Sao_Paulo');
    expect(weekOf('u')).toEqual(['2026-W48']);
  });

  it('/config show gives the requested zone as pending until its switch is in', async () => {
    seedGuild(temp.db, 'UTC');
    seedAnswer(temp, { userId: 'u', answeredAt: Date.parse('2026-11-30T02:30:00Z') });
    const { guild, zoneSwitch } = changeDailySettings(
      temp.db,
      new StandingsRebuilder(temp),
      'g1',
      { timezone: 'America/Sao_Paulo' },
      'UTC',
      0,
    );
    expect(guild).toMatchObject({ timezone: 'UTC', pendingTimezone: 'America/Sao_Paulo' });
    const zoneField = (locale: 'pt-BR' | 'en-US') =>
      renderConfigShow(temp.db, ensureGuild(temp.db, 'g1', 'UTC', 0), 0, locale).fields?.find((f) =>
        ['Fuso horário', 'Time zone'].includes(f.name),
      )?.value;
    expect(zoneField('pt-BR')).toBe('UTC\nmudando para **America/Sao_Paulo** (ranking sendo recalculado)');
    expect(zoneField('en-US')).toBe(
      'UTC\nswitching to **America/Sao_Paulo** (leaderboard being recalculated)',
    );

    await zoneSwitch;
    expect(zoneField('pt-BR')).toBe('America/Sao_Paulo');
  });

  it('has no switch to wait for when the zone is not part of the change', () => {
    seedGuild(temp.db, 'UTC');
    const change = changeDailySettings(
      temp.db,
      new StandingsRebuilder(temp),
      'g1',
      { dailyTime: '07:00' },
      'UTC',
      0,
    );
    expect(change.zoneSwitch).toBeNull();
  });
});

describe('settleWithin', () => {
  it('says done, failed, or still running after the wait', async () => {
    await expect(settleWithin(Promise.resolve(1), 1_000)).resolves.toBe('done');
    await expect(settleWithin(Promise.reject(new Error('no')), 1_000)).resolves.toBe('failed');
    await expect(settleWithin(new Promise(() => undefined), 10)).resolves.toBe('running');
  });
});
