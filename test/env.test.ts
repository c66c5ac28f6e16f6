import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../src/env';

const valid = {
  DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GsEcRt.secret-token-value-0123456789ab',
  DISCORD_CLIENT_ID: '123456789012345678',
};

describe('parseEnv', () => {
  it('fills the defaults', () => {
    const env = parseEnv(valid);
    expect(env).toMatchObject({
      DATABASE_PATH: './exam-drill.sqlite',
      LOG_LEVEL: 'info',
      DEFAULT_TIMEZONE: 'America/Sao_Paulo',
    });
    expect(env.DISCORD_GUILD_ID).toBeUndefined();
    expect(env.DISCORD_API_URL).toBeUndefined();
  });

  it('treats blank optional keys as unset, as in a copied .env.example', () => {
    const env = parseEnv({ ...valid, DISCORD_GUILD_ID: '', DISCORD_API_URL: '' });
    expect(env.DISCORD_GUILD_ID).toBeUndefined();
  });

  it('accepts a local API base for tests', () => {
    expect(parseEnv({ ...valid, DISCORD_API_URL: 'http://127.0.0.1:4567/api' }).DISCORD_API_URL).toBe(
      'http://127.0.0.1:4567/api',
    );
  });

  it('names every bad or missing key and points to the README', () => {
    const bad = {
      DISCORD_CLIENT_ID: 'abc',
      DEFAULT_TIMEZONE: 'Mars/Base',
      LOG_LEVEL: 'loud',
      DISCORD_API_URL: 'ftp://x',
    };
    let message = '';
    try {
      parseEnv(bad);
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      message = (error as Error).message;
    }
    for (const key of [
      'DISCORD_TOKEN',
      'DISCORD_CLIENT_ID',
      'DEFAULT_TIMEZONE',
      'LOG_LEVEL',
      'DISCORD_API_URL',
    ]) {
      expect(message).toContain(key);
    }
    expect(message).toContain('README.md');
  });

  it('never echoes a value, so a token pasted into the wrong key cannot leak', () => {
    const secret = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GsUpEr.super-secret-token-0123456789';
    expect(() => parseEnv({ DISCORD_TOKEN: secret, DISCORD_CLIENT_ID: secret })).toThrow(EnvError);
    try {
      parseEnv({ DISCORD_TOKEN: secret, DISCORD_CLIENT_ID: secret });
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it.each([
    ['the client secret', 'aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW', 'not shaped like a bot token'],
    [
      'a "Bot " prefix',
      'Bot MTIzNDU2Nzg5MDEyMzQ1Njc4.GsEcRt.secret-token-value-0123456789ab',
      'without the "Bot " prefix',
    ],
    ['quotes', '"MTIzNDU2Nzg5MDEyMzQ1Njc4.GsEcRt.secret-token-value-0123456789ab"', 'must not be quoted'],
    [
      'a first part that is no bot id',
      'bm90LWEtYm90LWlkLWF0LWFsbA.GsEcRt.secret-token-value-0123456789ab',
      'the first being the bot id',
    ],
  ])('refuses a token of the wrong shape (%s), naming DISCORD_TOKEN', (_case, token, reason) => {
    let message = '';
    try {
      parseEnv({ ...valid, DISCORD_TOKEN: token });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('DISCORD_TOKEN');
    expect(message).toContain(reason);
    expect(message).not.toContain(token.replace(/^Bot |"/g, ''));
  });

  it('reads the host settings: a notes file, register-on-start, start-up retry bounds', () => {
    const env = parseEnv({
      ...valid,
      NOTES_PATH: './mine.md',
      REGISTER_ON_START: 'TRUE',
      CONNECT_TIMEOUT_SECONDS: '2.5',
      STARTUP_RETRY_MINUTES: '1',
    });
    expect(env).toMatchObject({
      NOTES_PATH: './mine.md',
      REGISTER_ON_START: true,
      CONNECT_TIMEOUT_SECONDS: 2.5,
      STARTUP_RETRY_MINUTES: 1,
    });
    expect(parseEnv(valid)).toMatchObject({ REGISTER_ON_START: false, CONNECT_TIMEOUT_SECONDS: 10 });
    expect(() => parseEnv({ ...valid, REGISTER_ON_START: 'yes' })).toThrow(/REGISTER_ON_START/);
    expect(() => parseEnv({ ...valid, STARTUP_RETRY_MINUTES: '-1' })).toThrow(/STARTUP_RETRY_MINUTES/);
  });
});
