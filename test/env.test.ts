import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../src/env';

const valid = {
  DISCORD_TOKEN: 'MTIzNDU2Nzg5.secret-token-value',
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
    const secret = 'MTIzNDU2Nzg5.super-secret-token';
    expect(() => parseEnv({ DISCORD_TOKEN: secret, DISCORD_CLIENT_ID: secret })).toThrow(EnvError);
    try {
      parseEnv({ DISCORD_TOKEN: secret, DISCORD_CLIENT_ID: secret });
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });
});
