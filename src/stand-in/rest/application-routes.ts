import { isObject } from '../json';
import type { Json } from '../json';
import { snowflake } from '../ids';
import { notFound, unknownGuild, unknownMember } from '../errors';
import { checkCommands } from './command-rules';
import { ok } from './router';
import type { StandInContext } from '../context';
import type { Route, RouteRequest, RouteResult } from './router';

// Command registration, the gateway URL, and the few lookups a client makes about itself and its guilds.

export function applicationRoutes(ctx: StandInContext): Route[] {
  /** Keeps a command's id across re-registrations with the same name, as Discord does. */
  const existingId = (scope: string, name: unknown, type: unknown): string | undefined => {
    const previous = (ctx.registeredCommands.get(scope) ?? []) as Json[];
    return previous.find((c) => c.name === name && (c.type ?? 1) === (type ?? 1))?.id as string | undefined;
  };

  const putCommands =
    (scope: string, guildId: string | undefined) =>
    (req: RouteRequest): RouteResult => {
      if (req.params.applicationId !== ctx.applicationId) return notFound();
      if (guildId !== undefined && !ctx.world.findGuild(guildId)) return unknownGuild();
      const error = checkCommands(req.body);
      if (error) return error;
      const stored = (req.body as unknown[]).filter(isObject).map((command) => ({
        id: existingId(scope, command.name, command.type) ?? snowflake(),
        application_id: ctx.applicationId,
        version: snowflake(),
        type: 1,
        default_member_permissions: null,
        nsfw: false,
        ...command,
        ...(guildId ? { guild_id: guildId } : {}),
      }));
      ctx.registeredCommands.set(scope, stored);
      return ok(stored);
    };

  const scoped =
    (handler: (scope: string, guildId: string | undefined) => (req: RouteRequest) => RouteResult) =>
    (req: RouteRequest): RouteResult => {
      const guildId = req.params.guildId;
      return handler(guildId ?? 'global', guildId)(req);
    };

  const getCommands = scoped(
    (scope) => (req) =>
      req.params.applicationId === ctx.applicationId
        ? ok(ctx.registeredCommands.get(scope) ?? [])
        : notFound(),
  );

  const gatewayBot = (): RouteResult =>
    ok({
      url: ctx.gatewayUrl(),
      // Discord's figure is about one shard per 1,000 guilds (2,500 is the most one shard may hold).
      shards: ctx.recommendedShards ?? Math.max(1, Math.ceil(ctx.world.guilds.length / 1000)),
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
    });

  const application = (): RouteResult =>
    ok({
      id: ctx.applicationId,
      name: ctx.botUser.username,
      icon: null,
      description: '',
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      owner: ctx.world.userJson({ id: ctx.world.guilds[0]?.ownerId ?? snowflake(), username: 'dono' }),
      team: null,
      bot: ctx.world.userJson(ctx.botUser, true),
    });

  const guild = (req: RouteRequest): RouteResult => {
    const found = ctx.world.findGuild(req.params.guildId ?? '');
    return found ? ok(ctx.world.guildCreateJson(found)) : unknownGuild();
  };

  const guildChannels = (req: RouteRequest): RouteResult => {
    const found = ctx.world.findGuild(req.params.guildId ?? '');
    if (!found) return unknownGuild();
    return ok(
      found.channels
        .filter((c) => !ctx.world.deletedChannels.has(c.id))
        .map((c) => ctx.world.channelJson(found, c)),
    );
  };

  const guildMember = (req: RouteRequest): RouteResult => {
    const found = ctx.world.findGuild(req.params.guildId ?? '');
    if (!found) return unknownGuild();
    const userId = req.params.userId ?? '';
    if (userId === ctx.botUser.id || userId === '@me') return ok(ctx.world.botMemberJson(found));
    const member = ctx.world.members.get(userId);
    return member ? ok(ctx.world.memberJson(found, member)) : unknownMember();
  };

  const apps = '/applications/:applicationId';
  return [
    { method: 'GET', pattern: '/gateway/bot', auth: true, handler: gatewayBot },
    { method: 'GET', pattern: '/gateway', auth: false, handler: gatewayBot },
    {
      method: 'GET',
      pattern: '/users/@me',
      auth: true,
      handler: () => ok(ctx.world.userJson(ctx.botUser, true)),
    },
    { method: 'GET', pattern: '/applications/@me', auth: true, handler: application },
    { method: 'GET', pattern: '/oauth2/applications/@me', auth: true, handler: application },
    { method: 'PUT', pattern: `${apps}/commands`, auth: true, handler: scoped(putCommands) },
    { method: 'GET', pattern: `${apps}/commands`, auth: true, handler: getCommands },
    { method: 'PUT', pattern: `${apps}/guilds/:guildId/commands`, auth: true, handler: scoped(putCommands) },
    { method: 'GET', pattern: `${apps}/guilds/:guildId/commands`, auth: true, handler: getCommands },
    { method: 'GET', pattern: '/guilds/:guildId', auth: true, handler: guild },
    { method: 'GET', pattern: '/guilds/:guildId/channels', auth: true, handler: guildChannels },
    { method: 'GET', pattern: '/guilds/:guildId/members/:userId', auth: true, handler: guildMember },
  ];
}
