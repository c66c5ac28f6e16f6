import { ChannelType } from 'discord.js';
import { snowflake, snowflakeInShard } from './ids';
import { BOT_PERMISSIONS, DEFAULT_MEMBER_PERMISSIONS } from './permissions';
import type {
  MemberOptions,
  StandInChannel,
  StandInGuild,
  StandInGuildOption,
  StandInMember,
  StandInUser,
} from './types';

// The Discord-side state: guilds, channels, roles and members, and their API JSON shapes.

export interface Role {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  managed: boolean;
  botId?: string;
}

export interface GuildState extends StandInGuild {
  roles: Role[];
  ownerId: string;
  joinedAt: string;
}

const DEFAULT_GUILDS: StandInGuildOption[] = [
  {
    name: 'Estudo AIF-C01',
    channels: [
      { name: 'geral', type: ChannelType.GuildText },
      { name: 'quiz', type: ChannelType.GuildText },
      { name: 'voz', type: ChannelType.GuildVoice },
    ],
  },
];

export class World {
  readonly guilds: GuildState[];
  readonly members = new Map<string, StandInMember>();
  readonly deletedChannels = new Set<string>();
  /** Set by the stand-in to announce roles created on the fly. */
  onRoleCreated: (guild: GuildState, role: Role) => void = () => {};
  private memberCount = 0;

  constructor(
    readonly botUser: StandInUser,
    guildOptions: StandInGuildOption[] | undefined,
  ) {
    this.guilds = (guildOptions?.length ? guildOptions : DEFAULT_GUILDS).map((g, index) =>
      this.buildGuild(g, index),
    );
  }

  private buildGuild(option: StandInGuildOption, index: number): GuildState {
    const id = option.id ?? (option.shard ? snowflakeInShard(...option.shard) : snowflake());
    const channels: StandInChannel[] = (option.channels ?? DEFAULT_GUILDS[0]?.channels ?? []).map((c, i) => ({
      id: c.id ?? snowflake(),
      type: c.type ?? ChannelType.GuildText,
      name: c.name ?? `canal-${i + 1}`,
      ...(c.denyBot ? { denyBot: c.denyBot } : {}),
    }));
    const text = channels.find((c) => c.type === ChannelType.GuildText);
    if (!text)
      throw new Error(`Discord stand-in: guild ${option.name ?? id} needs at least one text channel`);
    return {
      id,
      name: option.name ?? `Servidor ${index + 1}`,
      channels,
      textChannelId: text.id,
      voiceChannelId: channels.find((c) => c.type === ChannelType.GuildVoice)?.id,
      ownerId: snowflake(),
      joinedAt: new Date().toISOString(),
      roles: [
        // @everyone shares the guild's id.
        { id, name: '@everyone', permissions: DEFAULT_MEMBER_PERMISSIONS, position: 0, managed: false },
        {
          id: snowflake(),
          name: 'Exam Drill',
          permissions: BOT_PERMISSIONS,
          position: 1,
          managed: true,
          botId: this.botUser.id,
        },
      ],
    };
  }

  createMember(opts: MemberOptions = {}): StandInMember {
    this.memberCount += 1;
    const member: StandInMember = {
      id: opts.id ?? snowflake(),
      username: opts.username ?? `membro${this.memberCount}`,
      permissions: opts.permissions ?? DEFAULT_MEMBER_PERMISSIONS,
      locale: opts.locale ?? 'pt-BR',
      roles: [...(opts.roles ?? [])],
    };
    this.members.set(member.id, member);
    return member;
  }

  /**
   * discord.js derives GuildMember#permissions from cached roles, so a member with non-default permissions
   * gets a role carrying them (one per guild and permission set). New roles are reported to
   * `onRoleCreated` so connected clients can hear of them before they see the member.
   */
  permissionRole(guild: GuildState, permissions: bigint): Role | null {
    if (permissions === DEFAULT_MEMBER_PERMISSIONS) return null;
    const name = `perms-${permissions.toString(16)}`;
    let role = guild.roles.find((r) => !r.managed && r.name === name);
    if (role) return role;
    role = { id: snowflake(), name, permissions, position: guild.roles.length, managed: false };
    guild.roles.push(role);
    this.onRoleCreated(guild, role);
    return role;
  }

  findChannel(channelId: string): { guild: GuildState; channel: StandInChannel } | undefined {
    for (const guild of this.guilds) {
      const channel = guild.channels.find((c) => c.id === channelId);
      if (channel) return { guild, channel };
    }
    return undefined;
  }

  findGuild(guildId: string): GuildState | undefined {
    return this.guilds.find((g) => g.id === guildId);
  }

  botRole(guild: GuildState): Role {
    const role = guild.roles.find((r) => r.botId === this.botUser.id);
    if (!role) throw new Error('Discord stand-in: bot role missing');
    return role;
  }

  // --- API JSON ---

  userJson(user: StandInUser, bot = false): Record<string, unknown> {
    return {
      id: user.id,
      username: user.username,
      discriminator: '0',
      global_name: bot ? null : user.username,
      avatar: null,
      bot,
      system: false,
      public_flags: 0,
    };
  }

  roleJson(role: Role): Record<string, unknown> {
    return {
      id: role.id,
      name: role.name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: role.position,
      permissions: role.permissions.toString(),
      managed: role.managed,
      mentionable: false,
      flags: 0,
      ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
    };
  }

  channelJson(guild: GuildState, channel: StandInChannel): Record<string, unknown> {
    const base = {
      id: channel.id,
      type: channel.type,
      guild_id: guild.id,
      name: channel.name,
      position: guild.channels.indexOf(channel),
      parent_id: null,
      permission_overwrites: channel.denyBot
        ? [{ id: this.botUser.id, type: 1, allow: '0', deny: channel.denyBot.toString() }]
        : [],
      nsfw: false,
      flags: 0,
      rate_limit_per_user: 0,
      last_message_id: null,
    };
    if (channel.type === ChannelType.GuildVoice) {
      return { ...base, bitrate: 64000, user_limit: 0, rtc_region: null };
    }
    return { ...base, topic: null };
  }

  memberJson(guild: GuildState, member: StandInMember): Record<string, unknown> {
    const permissionRole = this.permissionRole(guild, member.permissions);
    return {
      user: this.userJson(member),
      nick: null,
      avatar: null,
      banner: null,
      roles: [...(permissionRole ? [permissionRole.id] : []), ...member.roles],
      joined_at: guild.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    };
  }

  botMemberJson(guild: GuildState): Record<string, unknown> {
    return {
      user: this.userJson(this.botUser, true),
      nick: null,
      avatar: null,
      roles: [this.botRole(guild).id],
      joined_at: guild.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
    };
  }

  guildCreateJson(guild: GuildState): Record<string, unknown> {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'pt-BR',
      system_channel_id: guild.textChannelId,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      max_members: 500000,
      application_id: null,
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: this.members.size + 1,
      features: [],
      roles: guild.roles.map((r) => this.roleJson(r)),
      channels: guild.channels
        .filter((c) => !this.deletedChannels.has(c.id))
        .map((c) => {
          // GUILD_CREATE channels carry no guild_id.
          const { guild_id: _guildId, ...json } = this.channelJson(guild, c);
          return json;
        }),
      members: [this.botMemberJson(guild)],
      voice_states: [],
      presences: [],
      threads: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      emojis: [],
      stickers: [],
      premium_progress_bar_enabled: false,
    };
  }

  /** The bot's effective permissions in a guild (its role plus @everyone). */
  appPermissions(guild: GuildState): bigint {
    return guild.roles
      .filter((r) => r.id === guild.id || r.botId === this.botUser.id)
      .reduce((bits, r) => bits | r.permissions, 0n);
  }
}
