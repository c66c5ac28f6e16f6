import { ChannelType, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { normalizeTimeZone } from '../time/zones';
import { formatTimeOfDay, parseTimeOfDay } from '../time/zoned';

/** Where daily posts may go: channels members read and the bot can post messages in. */
export const DAILY_CHANNEL_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

export function isDailyChannelType(type: ChannelType): boolean {
  return (DAILY_CHANNEL_TYPES as readonly ChannelType[]).includes(type);
}

/** 'HH:MM' (also '9:00') → the stored two-digit form, or null for '25:00', '12:60', 'nove'. */
export function parseDailyTime(input: string): string | null {
  const time = parseTimeOfDay(input);
  return time === null ? null : formatTimeOfDay(time);
}

/** A typed zone name in any case → its exact IANA spelling, or null when unknown. */
export function parseTimeZone(input: string): string | null {
  return normalizeTimeZone(input);
}

/** What the bot needs in the daily channel: see it, post in it, and show the service card's embed. */
export const DAILY_CHANNEL_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
] as const;

/** Names of the permissions the bot lacks there (empty when unknown: the daily tick will tell). */
export function missingDailyPermissions(botPermissions: Readonly<PermissionsBitField> | null): string[] {
  if (botPermissions === null) return [];
  return new PermissionsBitField(DAILY_CHANNEL_PERMISSIONS)
    .toArray()
    .filter((name) => !botPermissions.has(name));
}
