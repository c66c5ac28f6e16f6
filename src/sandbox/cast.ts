import { PermissionFlagsBits } from 'discord.js';
import { DEFAULT_MEMBER_PERMISSIONS, type DiscordStandIn, type StandInMember } from '../stand-in';

/** Who the visitor can be on the page: a few members (one with Discord in English) and an admin. */
export const VISITORS = [
  { username: 'ana', locale: 'pt-BR', admin: false },
  { username: 'bruno', locale: 'pt-BR', admin: false },
  { username: 'carol', locale: 'en-US', admin: false },
  { username: 'dani-admin', locale: 'pt-BR', admin: true },
] as const;

/** Simulated study-group members who answer rounds on their own (see simulated-members.ts). */
export const SIMULATED = [
  { username: 'eduardo', skill: 0.8 },
  { username: 'fernanda', skill: 0.6 },
  { username: 'gustavo', skill: 0.45 },
  { username: 'helena', skill: 0.3 },
] as const;

/** An admin manages the server (`/config`) and messages (`/quiz stop` on anyone's round). */
export const ADMIN_PERMISSIONS =
  DEFAULT_MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageMessages;

export interface Cast {
  visitors: StandInMember[];
  simulated: Array<{ member: StandInMember; skill: number }>;
  admins: Set<string>;
}

/** Creates the members in the stand-in's world. */
export function seedCast(standIn: DiscordStandIn): Cast {
  const visitors = VISITORS.map((v) =>
    standIn.member({
      username: v.username,
      locale: v.locale,
      ...(v.admin ? { permissions: ADMIN_PERMISSIONS } : {}),
    }),
  );
  const simulated = SIMULATED.map((s) => ({
    member: standIn.member({ username: s.username, locale: 'pt-BR' }),
    skill: s.skill,
  }));
  const admins = new Set(visitors.filter((_, i) => VISITORS[i]?.admin).map((m) => m.id));
  return { visitors, simulated, admins };
}
