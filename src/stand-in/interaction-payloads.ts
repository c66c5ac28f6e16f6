import type { Json } from './json';
import { ChannelType } from 'discord.js';
import type { CommandOption, StandInChannel, StandInMember } from './types';
import type { GuildState, World } from './world';

// INTERACTION_CREATE `d` objects with every field discord.js reads. Missing `entitlements` or
// `authorizing_integration_owners` makes discord.js throw in its constructor and drop the interaction.

export interface PayloadContext {
  world: World;
  applicationId: string;
  id: string;
  token: string;
  type: number;
  guild: GuildState;
  channel: StandInChannel;
  member: StandInMember;
  locale: string;
  data: Json;
  message?: Json;
}

export function interactionPayload(ctx: PayloadContext): Json {
  const { world, guild } = ctx;
  const appPermissions = world.appPermissions(guild).toString();
  return {
    id: ctx.id,
    application_id: ctx.applicationId,
    type: ctx.type,
    token: ctx.token,
    version: 1,
    data: ctx.data,
    guild_id: guild.id,
    guild: { id: guild.id, locale: 'pt-BR', features: [] },
    channel_id: ctx.channel.id,
    channel: { ...world.channelJson(guild, ctx.channel), permissions: ctx.member.permissions.toString() },
    member: { ...world.memberJson(guild, ctx.member), permissions: ctx.member.permissions.toString() },
    app_permissions: appPermissions,
    locale: ctx.locale,
    guild_locale: 'pt-BR',
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
    ...(ctx.message ? { message: ctx.message } : {}),
  };
}

const USER = 6;
const CHANNEL = 7;
const ROLE = 8;
const MENTIONABLE = 9;

/** Slash command `data` with `resolved` filled for user, channel and role options. */
export function commandData(
  world: World,
  guild: GuildState,
  commandId: string,
  name: string,
  options: CommandOption[],
): Json {
  const users: Json = {};
  const members: Json = {};
  const channels: Json = {};
  const roles: Json = {};
  const visit = (list: CommandOption[]): void => {
    for (const option of list) {
      if (option.options) visit(option.options);
      const value = option.value === undefined ? undefined : String(option.value);
      if (value === undefined || option.focused) continue;
      if (option.type === USER || option.type === MENTIONABLE) {
        const member = world.members.get(value);
        if (member) {
          users[value] = world.userJson(member);
          const { user: _user, ...rest } = world.memberJson(guild, member);
          members[value] = { ...rest, permissions: member.permissions.toString() };
        } else if (value === world.botUser.id) {
          users[value] = world.userJson(world.botUser, true);
        }
      }
      if (option.type === CHANNEL) {
        const found = world.findChannel(value);
        if (found) {
          channels[value] = {
            id: value,
            name: found.channel.name,
            type: found.channel.type,
            permissions: '0',
            ...(found.channel.type === ChannelType.GuildText ? { topic: null } : {}),
          };
        }
      }
      if (option.type === ROLE || option.type === MENTIONABLE) {
        const role = guild.roles.find((r) => r.id === value);
        if (role) roles[value] = world.roleJson(role);
      }
    }
  };
  visit(options);
  const resolved: Json = {};
  if (Object.keys(users).length) resolved.users = users;
  if (Object.keys(members).length) resolved.members = members;
  if (Object.keys(channels).length) resolved.channels = channels;
  if (Object.keys(roles).length) resolved.roles = roles;
  return {
    id: commandId,
    name,
    type: 1,
    guild_id: guild.id,
    options: options.map(toApiOption),
    ...(Object.keys(resolved).length ? { resolved } : {}),
  };
}

function toApiOption(option: CommandOption): Json {
  return {
    name: option.name,
    type: option.type,
    ...(option.value !== undefined ? { value: option.value } : {}),
    ...(option.options ? { options: option.options.map(toApiOption) } : {}),
    ...(option.focused ? { focused: true } : {}),
  };
}

/** Modal submit `data`: one action row per text input, as Discord sends legacy text inputs back. */
export function modalData(customId: string, fields: Record<string, string>): Json {
  return {
    custom_id: customId,
    components: Object.entries(fields).map(([fieldId, value], i) => ({
      type: 1,
      id: i * 2 + 1,
      components: [{ type: 4, id: i * 2 + 2, custom_id: fieldId, value }],
    })),
  };
}
