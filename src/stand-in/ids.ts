import { randomBytes, randomUUID } from 'node:crypto';
import { SnowflakeUtil } from 'discord.js';

/** A Discord snowflake from the current time; consecutive calls never collide. */
export function snowflake(): string {
  return SnowflakeUtil.generate().toString();
}

/**
 * A snowflake of about now that falls in shard `shardId` of `shardCount` by Discord's rule
 * `(id >> 22) % count`: the bits above 22 are the milliseconds since Discord's epoch, so the
 * timestamp moves forward by less than `shardCount` ms.
 */
export function snowflakeInShard(shardId: number, shardCount: number): string {
  const count = BigInt(shardCount);
  const since = BigInt(Date.now()) - SnowflakeUtil.epoch;
  const offset = (BigInt(shardId) - (since % count) + count) % count;
  return SnowflakeUtil.generate({ timestamp: SnowflakeUtil.epoch + since + offset }).toString();
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
