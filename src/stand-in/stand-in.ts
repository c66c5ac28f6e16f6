import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Gateway } from './gateway';
import { fakeBotToken, snowflake } from './ids';
import { MemberActions } from './member-actions';
import { MessageStore } from './message-store';
import { applicationRoutes } from './rest/application-routes';
import { channelRoutes } from './rest/channel-routes';
import { interactionRoutes } from './rest/interaction-routes';
import { restHandler } from './rest/server';
import { webhookRoutes } from './rest/webhook-routes';
import { Waiters } from './waiters';
import { World } from './world';
import type { StandInContext } from './context';
import type { ChannelError, DiscordStandIn, RestRecord, StandInOptions, WaitOptions } from './types';

/** Starts the stand-in on 127.0.0.1 (a free port). Point a discord.js Client at `apiUrl`. */
export async function startDiscordStandIn(options: StandInOptions = {}): Promise<DiscordStandIn> {
  const applicationId = options.applicationId ?? snowflake();
  // Modern apps have the bot user share the application's id.
  const botUser = { id: options.botUserId ?? applicationId, username: 'Exam Drill' };
  const world = new World(botUser, options.guilds);
  const store = new MessageStore();
  const requests: RestRecord[] = [];
  const requestWaiters = new Waiters<RestRecord>();

  const server = createServer();
  const rejectedTokens = new Set(options.rejectedTokens ?? []);
  const gateway = new Gateway(server, world, applicationId, options.privilegedIntents ?? 0, rejectedTokens);
  // Roles made for members with custom permissions must reach clients before the member shows up.
  world.onRoleCreated = (guild, role) =>
    gateway.broadcast('GUILD_ROLE_CREATE', { guild_id: guild.id, role: world.roleJson(role) });
  const ctx: StandInContext = {
    world,
    store,
    gateway,
    applicationId,
    botUser,
    ackDeadlineMs: options.ackDeadlineMs ?? 3000,
    interactionsById: new Map(),
    interactionsByToken: new Map(),
    channelErrors: new Map(),
    registeredCommands: new Map(),
    shownModals: new Map(),
    gatewayUrl: () => gateway.url,
    recommendedShards: options.recommendedShards,
  };
  const routes = [
    ...applicationRoutes(ctx),
    ...interactionRoutes(ctx),
    ...webhookRoutes(ctx),
    ...channelRoutes(ctx),
  ];
  const handle = restHandler(
    routes,
    (record) => {
      requests.push(record);
      requestWaiters.notify(record);
    },
    rejectedTokens,
  );
  server.on('request', (req, res) => void handle(req, res));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  gateway.url = `ws://127.0.0.1:${port}`;

  const actions = new MemberActions(ctx);

  const standIn: DiscordStandIn = {
    apiUrl: `http://127.0.0.1:${port}/api`,
    applicationId,
    botUser,
    token: fakeBotToken(botUser.id),
    identifiedTokens: gateway.identifiedTokens,
    guild: world.guilds[0]!,
    guilds: world.guilds,
    member: (opts) => world.createMember(opts),
    waitForClientReady: (waitOptions) =>
      gateway.waitForReady(typeof waitOptions === 'number' ? { timeoutMs: waitOptions } : waitOptions),
    readySessions: () => gateway.readySessions(),

    runCommand: (opts) => actions.runCommand(opts),
    autocomplete: (opts) => actions.autocomplete(opts),
    clickButton: (opts) => actions.clickButton(opts),
    selectMenu: (opts) => actions.selectMenu(opts),
    submitModal: (opts) => actions.submitModal(opts),

    requests,
    waitForRequest: (predicate, waitOptions?: number | WaitOptions) => {
      const { timeoutMs, since = 0 } =
        typeof waitOptions === 'number' ? { timeoutMs: waitOptions } : (waitOptions ?? {});
      return requestWaiters.wait(predicate, {
        timeoutMs,
        existing: requests.slice(since),
        what: 'a matching REST request',
      });
    },
    messages: store.messages,
    channelMessages: (channelId) => store.channelMessages(channelId),
    waitForMessage: (predicate, timeoutMs) =>
      store.changes.wait(predicate, {
        timeoutMs,
        existing: store.messages.values(),
        what: 'a matching message',
      }),

    onMessageChange: (listener) => store.subscribe(listener),
    messageRecipient: (message) => {
      const link = (message.raw().interaction_metadata ?? null) as { user?: { id?: unknown } } | null;
      return typeof link?.user?.id === 'string' ? link.user.id : undefined;
    },

    setChannelError: (channelId: string, error: ChannelError | null) => {
      if (error) ctx.channelErrors.set(channelId, error);
      else ctx.channelErrors.delete(channelId);
    },
    deleteChannel: (channelId) => {
      const found = world.findChannel(channelId);
      if (!found) throw new Error(`Discord stand-in: no channel ${channelId}`);
      world.deletedChannels.add(channelId);
      gateway.broadcast('CHANNEL_DELETE', world.channelJson(found.guild, found.channel));
    },
    registeredCommands: ctx.registeredCommands,
    disconnectClients: () => gateway.disconnectAll(),
    close: async () => {
      requestWaiters.rejectAll('closed');
      store.changes.rejectAll('closed');
      for (const record of ctx.interactionsById.values()) {
        record.callbacks.rejectAll('closed');
        record.originals.rejectAll('closed');
      }
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standIn;
}
