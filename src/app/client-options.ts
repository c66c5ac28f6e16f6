import {
  GatewayIntentBits,
  Options,
  type CacheWithLimitsOptions,
  type ClientOptions,
  type GuildMember,
  type User,
} from 'discord.js';

/**
 * Keeps the bot's own user and member: `guild.members.me` (the daily channel check, /config's permission
 * warning) reads it from the cache, and nothing else refills it without the GuildMembers intent.
 */
const isBot = (entry: User | GuildMember): boolean => entry.id === entry.client.user?.id;

/**
 * What the bot reads from discord.js's caches: guilds, their channels, roles and permission overwrites
 * (discord.js keeps those unbounded; limiting them is unsupported) and its own member. Everything else
 * arrives on the interaction or goes through REST, so a cache there only grows with every clicking member
 * and every message a click points at.
 */
export const CACHE_LIMITS: CacheWithLimitsOptions = {
  MessageManager: 0,
  GuildMessageManager: 0,
  DMMessageManager: 0,
  UserManager: { maxSize: 0, keepOverLimit: isBot },
  GuildMemberManager: { maxSize: 0, keepOverLimit: isBot },
  PresenceManager: 0,
  VoiceStateManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  ThreadMemberManager: 0,
  BaseGuildEmojiManager: 0,
  GuildEmojiManager: 0,
  ApplicationEmojiManager: 0,
  GuildStickerManager: 0,
  GuildBanManager: 0,
  GuildInviteManager: 0,
  GuildScheduledEventManager: 0,
  StageInstanceManager: 0,
  AutoModerationRuleManager: 0,
  ApplicationCommandManager: 0,
  EntitlementManager: 0,
};

/** Managers discord.js 14 caches that its typings do not list yet (cacheWithLimits matches them by name). */
const UNTYPED_CACHE_LIMITS = {
  GuildSoundboardSoundManager: 0,
  PollAnswerVoterManager: 0,
  SubscriptionManager: 0,
};

/**
 * The Client options the bot runs with. Guilds only: slash commands and buttons need no privileged intents.
 * `defaultCaches` gives discord.js's own cache settings instead (the memory bench compares the two).
 */
export function botClientOptions({ defaultCaches = false } = {}): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    ...(defaultCaches
      ? {}
      : {
          makeCache: Options.cacheWithLimits({
            ...CACHE_LIMITS,
            ...(UNTYPED_CACHE_LIMITS as CacheWithLimitsOptions),
          }),
          // Threads still come with GUILD_CREATE and thread events: drop archived ones as discord.js does.
          sweepers: Options.DefaultSweeperSettings,
        }),
  };
}
