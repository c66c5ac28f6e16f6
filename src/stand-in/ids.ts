import { randomBytes, randomUUID } from 'node:crypto';
import { SnowflakeUtil } from 'discord.js';

/** A Discord snowflake from the current time; consecutive calls never collide. */
export function snowflake(): string {
  return SnowflakeUtil.generate().toString();
}

/** An interaction token: opaque and unguessable, like Discord's. randomUUID draws from a cached entropy
 * pool, so bursts of interactions stay cheap. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb24.${randomUUID().replaceAll('-', '')}`;
}

/** A bot token shaped like Discord's (base64 user id . timestamp . hmac); the stand-in accepts any token. */
export function fakeBotToken(botUserId: string): string {
  return `${Buffer.from(botUserId).toString('base64url')}.stand-in.${randomBytes(16).toString('base64url')}`;
}

export function sessionId(): string {
  return randomBytes(16).toString('hex');
}
