import { afterEach, describe, expect, it } from 'vitest';
import { guilds, rounds } from '../../src/db/schema';
import { createTempDb } from '../support/temp-db';

describe('openDatabase', () => {
  let temp: ReturnType<typeof createTempDb> | undefined;
  afterEach(() => temp?.cleanup());

  it('applies the committed migrations to a new file, in WAL mode with foreign keys on', () => {
    temp = createTempDb();
    const sqlite = temp.db.$client;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like '\\_%' escape '\\' and name != 'sqlite_sequence'",
      )
      .pluck()
      .all();
    expect(tables.sort()).toEqual([
      'answers',
      'daily_posts',
      'guilds',
      'mock_exams',
      'mock_items',
      'practice_cards',
      'practice_items',
      'practice_sessions',
      'round_questions',
      'rounds',
      'standings',
    ]);
  });

  it('re-opening an existing file keeps its rows and applies nothing twice', () => {
    temp = createTempDb();
    temp.db.insert(guilds).values({ id: '1', timezone: 'UTC', createdAt: 1 }).run();
    const db = temp.reopen();
    expect(db.select().from(guilds).all()).toHaveLength(1);
  });

  it('allows one running round per channel', () => {
    temp = createTempDb();
    const db = temp.db;
    db.insert(guilds).values({ id: 'g', timezone: 'UTC', createdAt: 1 }).run();
    const round = {
      guildId: 'g',
      channelId: 'c',
      starterId: 'u',
      locale: 'pt-BR',
      questionCount: 5,
      secondsPerQuestion: 20,
      createdAt: 1,
    };
    db.insert(rounds).values(round).run();
    expect(() => db.insert(rounds).values(round).run()).toThrow(/UNIQUE/);
    db.update(rounds).set({ status: 'finished' }).run();
    expect(() => db.insert(rounds).values(round).run()).not.toThrow();
  });

  it('enforces foreign keys', () => {
    temp = createTempDb();
    const round = {
      guildId: 'missing',
      channelId: 'c',
      starterId: 'u',
      locale: 'pt-BR',
      questionCount: 5,
      secondsPerQuestion: 20,
      createdAt: 1,
    };
    expect(() => temp!.db.insert(rounds).values(round).run()).toThrow(/FOREIGN KEY/);
  });
});
