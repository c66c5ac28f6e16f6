import { DiscordAPIError } from 'discord.js';
import type { WithStores } from '../db/with-stores';
import type { DailyKind } from '../db/schema';
import type { DeckIndex } from '../deck';
import { discordErrorCode, isChannelUnavailableError } from '../discord/discord-errors';
import type { GuildSettings } from '../guilds/guild-settings';
import type { Logger } from '../shared/logger';
import { dueLocalDate } from '../time/daily-schedule';
import { localDateOf } from '../time/zoned';
import {
  alreadyHandled,
  claimDailyPost,
  closeQuestion,
  isEnabled,
  markPosted,
  recordDailyError,
  releaseClaim,
  tallyDailyAnswers,
  type Claim,
  type DailyPostStore,
} from './daily-post-store';
import { encodeDailyError } from './daily-error';
import { renderDailyQuestion, renderDailyResult } from './question-post';
import { pickQuestionOfDay, pickServiceOfDay } from './rotation';
import type { DailySender, OutgoingMessage } from './sender';
import { renderServiceCard } from './service-card';

export interface DailyTickContext extends WithStores<{ dailyPosts: DailyPostStore }> {
  deck: DeckIndex;
  logger: Logger;
  sender: DailySender;
  /** With shards, each process posts for its own guilds only (the database still decides what went out). */
  ownsGuild?: (guildId: string) => boolean;
}

export interface DailyTickResult {
  posted: { guildId: string; kind: DailyKind; localDate: string; subject: string }[];
  failed: { guildId: string; kind: DailyKind; error: string }[];
  closed: number[];
}

const KINDS: readonly DailyKind[] = ['service', 'question'];

/**
 * One pass of the daily scheduler at `now` (injected, so tests drive the clock). For every server
 * with a daily channel whose local post time has come today, posts each enabled kind that has no row
 * for today's local date yet, then closes the previous questions of the day. Never throws: a failure
 * in one server is recorded and logged, and the others go on.
 */
export async function runDailyTick(ctx: DailyTickContext, now: number): Promise<DailyTickResult> {
  const result: DailyTickResult = { posted: [], failed: [], closed: [] };
  const configured = ctx.stores.dailyPosts.configuredGuilds();
  for (const guild of configured) {
    if (ctx.ownsGuild && !ctx.ownsGuild(guild.id)) continue;
    try {
      await runGuild(ctx, guild, now, result);
    } catch (error) {
      ctx.logger.error({ err: error, guildId: guild.id }, 'daily tick failed for a server');
    }
  }
  return result;
}

async function runGuild(
  ctx: DailyTickContext,
  guild: GuildSettings,
  now: number,
  result: DailyTickResult,
): Promise<void> {
  const due = dueLocalDate(now, guild.timezone, guild.dailyTime);
  if (due === null || isBlocked(guild, due)) return;
  let questionSettled = !guild.dailyQuestionEnabled;
  for (const kind of KINDS) {
    if (!isEnabled(guild, kind)) continue;
    const outcome = alreadyHandled(ctx.stores.dailyPosts, guild.id, kind, due, now)
      ? 'nothing'
      : await postKind(ctx, guild.id, kind, now, result);
    if (kind === 'question') questionSettled = outcome === 'posted' || outcome === 'nothing';
    // The channel refused: the other kind would be refused too.
    if (outcome === 'channel-unavailable') break;
  }
  // Yesterday's question closes once today's is out (or the question of the day is turned off).
  if (questionSettled) await closePreviousQuestions(ctx, guild.id, due, now, result);
}

/**
 * After Discord refused a post today, the server is left alone until its settings change (`/config` clears the
 * error) or its next local day: retrying a refused channel every minute would only hammer Discord.
 */
export function isBlocked(guild: GuildSettings, due: string): boolean {
  if (guild.lastDailyError === null || guild.lastDailyErrorAt === null) return false;
  return localDateOf(guild.lastDailyErrorAt, guild.timezone) >= due;
}

type Outcome = 'posted' | 'nothing' | 'failed' | 'channel-unavailable';

/**
 * Claim, then send, then record the message id. On a definite refusal from Discord (any API error:
 * nothing was posted) the claim is released, so the post can go out after the settings change or on
 * the next day. On an unknown outcome (network error, timeout, 5xx after retries) the claim is kept:
 * a duplicate is worse than a miss, and after STALE_CLAIM_MS a later tick may take it over with the
 * same nonce, which Discord uses to drop a repeat.
 */
async function postKind(
  ctx: DailyTickContext,
  guildId: string,
  kind: DailyKind,
  now: number,
  result: DailyTickResult,
): Promise<Outcome> {
  const claim = claimDailyPost(ctx.db, guildId, kind, now, (past) =>
    pickSubject(ctx.deck, guildId, kind, past),
  );
  if (claim === null) return 'nothing';
  const { post } = claim;
  const log = ctx.logger.child({ guildId, kind, localDate: post.localDate, postId: post.id });
  const message = render(ctx.deck, claim);
  if (message === null) {
    // The subject left the deck between claim and render (deck rebuilt): give the day back.
    releaseClaim(ctx.db, post.id);
    return 'nothing';
  }
  try {
    const { messageId } = await ctx.sender.send(claim.channelId, message, `daily-${post.id}`);
    markPosted(ctx.db, post.id, messageId);
    log.info({ subject: post.subject, messageId }, 'daily post sent');
    result.posted.push({ guildId, kind, localDate: post.localDate, subject: post.subject });
    return 'posted';
  } catch (error) {
    const definite = error instanceof DiscordAPIError;
    const description = encodeDailyError(error, claim.channelId);
    if (definite) {
      releaseClaim(ctx.db, post.id);
      // Only a refusal blocks the server for the day: an unknown outcome (network, 5xx) is retried the
      // same day by taking the stale claim over, so one blip does not cost the day's post.
      recordDailyError(ctx.db, guildId, claim.settingsVersion, description, now);
    }
    log.warn(
      {
        err: error,
        code: discordErrorCode(error),
        released: definite,
        channelUnavailable: isChannelUnavailableError(error),
      },
      'daily post failed',
    );
    result.failed.push({ guildId, kind, error: description });
    return isChannelUnavailableError(error) ? 'channel-unavailable' : 'failed';
  }
}

function pickSubject(deck: DeckIndex, guildId: string, kind: DailyKind, past: string[]): string | null {
  return kind === 'service'
    ? pickServiceOfDay(
        deck.deck.services.map((service) => service.name),
        guildId,
        past,
      )
    : pickQuestionOfDay(
        // The question of the day comes from the exam tier: it is what the whole server sees.
        deck.examTier.map((question) => question.id),
        guildId,
        past,
      );
}

function render(deck: DeckIndex, { post }: Claim): OutgoingMessage | null {
  if (post.kind === 'service') {
    const card = deck.deck.services.find((service) => service.name === post.subject);
    return card ? renderServiceCard(card, 'pt-BR', { daily: true }) : null;
  }
  const question = deck.questionById.get(post.subject);
  return question ? renderDailyQuestion(question, post.id, post.localDate) : null;
}

async function closePreviousQuestions(
  ctx: DailyTickContext,
  guildId: string,
  today: string,
  now: number,
  result: DailyTickResult,
): Promise<void> {
  for (const post of ctx.stores.dailyPosts.openQuestionsBefore(guildId, today)) {
    // Close first: from here no answer is accepted, and only one tick edits the message.
    if (!closeQuestion(ctx.db, post.id, now) || post.messageId === null) continue;
    result.closed.push(post.id);
    const question = ctx.deck.questionById.get(post.subject);
    if (!question) continue;
    const tally = tallyDailyAnswers(ctx.db, post.id);
    try {
      await ctx.sender.edit(
        post.channelId,
        post.messageId,
        renderDailyResult(question, post.id, post.localDate, tally),
      );
    } catch (error) {
      // The result is lost from the channel but nothing else depends on it; answers are kept.
      ctx.logger.warn(
        { err: error, guildId, postId: post.id },
        'could not edit the question of the day with its result',
      );
    }
  }
}
