import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isDailyChannelType,
  missingDailyPermissions,
  parseDailyTime,
  parseTimeZone,
} from '../../src/config/config-input';
import { nextDailyPostAt, renderConfigShow } from '../../src/config/config-show';
import { updateDailySettings } from '../../src/config/daily-settings';
import { guilds, standings } from '../../src/db/schema';
import { recordAnswer } from '../../src/answers/record-answer';
import { ChannelType, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { createTempDb } from '../support/temp-db';

describe('/config input', () => {
  it('accepts HH:MM and refuses anything else', () => {
    expect(parseDailyTime('09:00')).toBe('09:00');
    expect(parseDailyTime(' 9:05 ')).toBe('09:05');
    for (const bad of ['25:00', '12:60', '9', 'nove', '', '09:00:00']) expect(parseDailyTime(bad)).toBeNull();
  });

  it('accepts IANA zones, fixing only the case', () => {
    expect(parseTimeZone('america/sao_paulo')).toBe('America/Sao_Paulo');
    expect(parseTimeZone('Europe/Lisbon')).toBe('Europe/Lisbon');
    for (const bad of ['Mars/Olympus', 'BRT', '+03:00', '']) expect(parseTimeZone(bad)).toBeNull();
  });

  it('takes text and announcement channels only', () => {
    expect(isDailyChannelType(ChannelType.GuildText)).toBe(true);
    expect(isDailyChannelType(ChannelType.GuildAnnouncement)).toBe(true);
    expect(isDailyChannelType(ChannelType.GuildVoice)).toBe(false);
    expect(isDailyChannelType(ChannelType.GuildCategory)).toBe(false);
  });
});

describe('updateDailySettings', () => {
  let temp: ReturnType<typeof createTempDb>;
  beforeEach(() => (temp = createTempDb()));
  afterEach(() => temp.cleanup());

  it('creates the server row, bumps the version and clears the last error on every change', () => {
    const first = updateDailySettings(temp.db, 'g', { dailyChannelId: '123' }, 'America/Sao_Paulo', 1);
    expect(first).toMatchObject({ dailyChannelId: '123', timezone: 'America/Sao_Paulo', settingsVersion: 1 });
    temp.db
      .update(guilds)
      .set({ lastDailyError: 'boom', lastDailyErrorAt: 5 })
      .where(eq(guilds.id, 'g'))
      .run();
    const second = updateDailySettings(temp.db, 'g', { serviceCardEnabled: false }, 'UTC', 10);
    expect(second).toMatchObject({
      settingsVersion: 2,
      lastDailyError: null,
      lastDailyErrorAt: null,
      serviceCardEnabled: false,
      dailyChannelId: '123',
    });
  });

  it('a time-zone change rebuilds the standings in the new zone (answers move between weeks)', () => {
    updateDailySettings(temp.db, 'g', { timezone: 'America/Sao_Paulo' }, 'UTC', 0);
    // Sunday 2026-11-29 23:30 in São Paulo (week 48) is Monday 02:30 UTC (week 49).
    recordAnswer(temp, {
      guildId: 'g',
      userId: 'u',
      questionId: 'q',
      kind: 'daily',
      choice: [0],
      correct: true,
      responseMs: 1,
      points: 1000,
      domain: 1,
      topic: 't',
      answeredAt: Date.parse('2026-11-30T02:30:00Z'),
    });
    const weeks = () =>
      temp.db
        .select({ key: standings.periodKey })
        .from(standings)
        .where(and(eq(standings.periodKind, 'week'), eq(standings.scope, '')))
        .all()
        .map((row) => row.key);
    expect(weeks()).toEqual(['2026-W48']);
    updateDailySettings(temp.db, 'g', { timezone: 'UTC' }, 'UTC', 1);
    expect(weeks()).toEqual(['2026-W49']);
    // A change that keeps the zone leaves the standings alone (and still bumps the version).
    expect(updateDailySettings(temp.db, 'g', { dailyTime: '10:00' }, 'UTC', 2).settingsVersion).toBe(3);
    expect(weeks()).toEqual(['2026-W49']);
  });

  it('shows the next post as a Discord timestamp, tomorrow after a failure today', () => {
    updateDailySettings(temp.db, 'g', { dailyChannelId: '123', timezone: 'Europe/Lisbon' }, 'UTC', 0);
    const now = Date.parse('2026-11-27T08:00:00Z');
    let guild = temp.db.select().from(guilds).where(eq(guilds.id, 'g')).get()!;
    expect(nextDailyPostAt(temp.db, guild, now)).toBe(Date.parse('2026-11-27T09:00:00Z'));
    temp.db
      .update(guilds)
      .set({ lastDailyError: 'sem permissão (50013)', lastDailyErrorAt: now })
      .where(eq(guilds.id, 'g'))
      .run();
    guild = temp.db.select().from(guilds).where(eq(guilds.id, 'g')).get()!;
    expect(nextDailyPostAt(temp.db, guild, now)).toBe(Date.parse('2026-11-28T09:00:00Z'));
    const shown = JSON.stringify(renderConfigShow(temp.db, guild, now, 'pt-BR'));
    expect(shown).toContain(`<t:${Date.parse('2026-11-28T09:00:00Z') / 1000}:F>`);
    expect(shown).toContain('50013');
    expect(shown).toContain('Europe/Lisbon');
  });
});

describe('permissions the bot needs in the daily channel', () => {
  it('names what is missing, and says nothing when it cannot know', () => {
    expect(missingDailyPermissions(new PermissionsBitField(PermissionFlagsBits.ViewChannel))).toEqual([
      'SendMessages',
      'EmbedLinks',
    ]);
    const all = new PermissionsBitField([
      PermissionFlagsBits.ViewChannel,
      PermissionFlagsBits.SendMessages,
      PermissionFlagsBits.EmbedLinks,
    ]);
    expect(missingDailyPermissions(all)).toEqual([]);
    expect(missingDailyPermissions(null)).toEqual([]);
  });
});
