import { EmbedBuilder, type APIEmbed } from 'discord.js';
import type { Db } from '../db/database';
import { decodeDailyError } from '../daily/daily-error';
import { isBlocked } from '../daily/daily-tick';
import { lastPostedLocalDate, lastSentPost } from '../daily/daily-post-store';
import type { GuildSettings } from '../guilds/guild-settings';
import type { Locale } from '../shared/i18n';
import { nextPostInstant } from '../time/daily-schedule';
import { localDateOf } from '../time/zoned';
import { configMessages } from './messages';

/** Discord renders these in each reader's own time zone and language. */
function timestamp(ms: number, style: 'F' | 'f' | 'R'): string {
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}

/**
 * When the next daily post will go out. After a failure today the bot waits for a settings change or
 * the next day, so the next post is tomorrow's slot.
 */
export function nextDailyPostAt(db: Db, guild: GuildSettings, now: number): number | null {
  if (!guild.dailyChannelId || (!guild.serviceCardEnabled && !guild.dailyQuestionEnabled)) return null;
  const today = localDateOf(now, guild.timezone);
  const lastDate = isBlocked(guild, today) ? today : lastPostedLocalDate(db, guild);
  return nextPostInstant(now, guild.timezone, guild.dailyTime, lastDate);
}

function describeError(stored: string, locale: Locale): string {
  const error = decodeDailyError(stored);
  return error ? configMessages(locale).errorText(error.code, `<#${error.channelId}>`, error.detail) : stored;
}

/** The zone in use, and the one a running switch is moving to (the leaderboard keeps the old until then). */
function zoneValue(guild: GuildSettings, text: ReturnType<typeof configMessages>): string {
  const pending = guild.pendingTimezone;
  return pending && pending !== guild.timezone
    ? `${guild.timezone}\n${text.zonePending(pending)}`
    : guild.timezone;
}

export function renderConfigShow(db: Db, guild: GuildSettings, now: number, locale: Locale): APIEmbed {
  const text = configMessages(locale);
  const next = nextDailyPostAt(db, guild, now);
  const last = lastSentPost(db, guild.id);
  const lastLine = last
    ? `${text.kindName(last.kind)} — ${timestamp(last.postedAt, 'f')} — https://discord.com/channels/${guild.id}/${last.channelId}/${last.messageId ?? ''}`
    : text.noLastPost;
  const errorLine =
    guild.lastDailyError && guild.lastDailyErrorAt !== null
      ? `⚠️ ${describeError(guild.lastDailyError, locale)} — ${timestamp(guild.lastDailyErrorAt, 'f')}\n${text.errorHint}`
      : text.noError;
  return new EmbedBuilder()
    .setTitle(text.showTitle)
    .addFields(
      {
        name: text.channel,
        value: guild.dailyChannelId ? `<#${guild.dailyChannelId}>` : text.noChannel,
        inline: true,
      },
      { name: text.time, value: guild.dailyTime, inline: true },
      { name: text.zone, value: zoneValue(guild, text), inline: true },
      { name: text.serviceCard, value: guild.serviceCardEnabled ? text.on : text.off, inline: true },
      { name: text.dailyQuestion, value: guild.dailyQuestionEnabled ? text.on : text.off, inline: true },
      {
        name: text.nextPost,
        value: next === null ? text.noNextPost : `${timestamp(next, 'F')} (${timestamp(next, 'R')})`,
      },
      { name: text.lastPost, value: lastLine },
      { name: text.lastError, value: errorLine.slice(0, 1024) },
    )
    .toJSON();
}
