import type { Json } from './json';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { findComponent } from './components';
import { Gateway } from './gateway';
import { fakeBotToken, interactionToken, snowflake } from './ids';
import { commandData, interactionPayload, modalData } from './interaction-payloads';
import { InteractionRecord } from './interaction-record';
import { MessageStore } from './message-store';
import { applicationRoutes } from './rest/application-routes';
import { channelRoutes } from './rest/channel-routes';
import { interactionRoutes } from './rest/interaction-routes';
import { restHandler } from './rest/server';
import { webhookRoutes } from './rest/webhook-routes';
import { Waiters } from './waiters';
import { World } from './world';
import type { StandInContext } from './context';
import type { StoredMessageImpl } from './message-store';
import type {
  ChannelError,
  DiscordStandIn,
  InteractionBase,
  InteractionHandle,
  RestRecord,
  StandInOptions,
  WaitOptions,
} from './types';

const InteractionType = { Command: 2, Component: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

/** Starts the stand-in on 127.0.0.1 (a free port). Point a discord.js Client at `apiUrl`. */
export async function startDiscordStandIn(options: StandInOptions = {}): Promise<DiscordStandIn> {
  const applicationId = options.applicationId ?? snowflake();
  // Modern apps have the bot user share the application's id.
  const botUser = { id: options.botUserId ?? applicationId, username: 'Exam Drill' };
  const world = new World(botUser, options.guilds);
  const store = new MessageStore();
  const requests: RestRecord[] = [];
  const requestWaiters = new Waiters<RestRecord>();
  const commandIds = new Map<string, string>();

  const server = createServer();
  const gateway = new Gateway(server, world, applicationId, options.privilegedIntents ?? 0);
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
  };
  const routes = [
    ...applicationRoutes(ctx),
    ...interactionRoutes(ctx),
    ...webhookRoutes(ctx),
    ...channelRoutes(ctx),
  ];
  const handle = restHandler(routes, (record) => {
    requests.push(record);
    requestWaiters.notify(record);
  });
  server.on('request', (req, res) => void handle(req, res));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  gateway.url = `ws://127.0.0.1:${port}`;

  const commandId = (guildId: string, name: string): string => {
    for (const scope of [guildId, 'global']) {
      const found = ((ctx.registeredCommands.get(scope) ?? []) as Json[]).find((c) => c.name === name);
      if (typeof found?.id === 'string') return found.id;
    }
    let id = commandIds.get(name);
    if (!id) commandIds.set(name, (id = snowflake()));
    return id;
  };

  const locate = (base: InteractionBase, fallbackChannelId?: string) => {
    const guildDefault = base.guildId ? world.findGuild(base.guildId) : world.guilds[0];
    if (!guildDefault) throw new Error(`Discord stand-in: unknown guild ${base.guildId}`);
    const channelId = base.channelId ?? fallbackChannelId ?? guildDefault.textChannelId;
    const found = world.findChannel(channelId);
    if (!found || world.deletedChannels.has(channelId)) {
      throw new Error(`Discord stand-in: no channel ${channelId} to send an interaction from`);
    }
    return found;
  };

  const dispatch = (params: {
    type: number;
    base: InteractionBase;
    commandName?: string;
    sourceMessage?: StoredMessageImpl;
    data: (guildId: string) => Json;
  }): InteractionHandle => {
    if (!gateway.hasReadySession()) {
      throw new Error(
        'Discord stand-in: no client is connected and ready — await standIn.waitForClientReady() and the ' +
          "client's clientReady before sending interactions",
      );
    }
    const { guild, channel } = locate(params.base, params.sourceMessage?.channel_id);
    const rolesBefore = guild.roles.length;
    const id = snowflake();
    const token = interactionToken();
    const member = params.base.member;
    const record = new InteractionRecord(
      id,
      token,
      params.type,
      guild,
      channel.id,
      member,
      world.userJson(member),
      params.commandName,
      params.sourceMessage,
    );
    const payload = interactionPayload({
      world,
      applicationId,
      id,
      token,
      type: params.type,
      guild,
      channel,
      member,
      locale: params.base.locale ?? member.locale,
      data: params.data(guild.id),
      ...(params.sourceMessage ? { message: params.sourceMessage.raw() } : {}),
    });
    // Roles made for members with custom permissions must reach the client before the interaction.
    for (const role of guild.roles.slice(rolesBefore)) {
      gateway.broadcast('GUILD_ROLE_CREATE', { guild_id: guild.id, role: world.roleJson(role) });
    }
    ctx.interactionsById.set(id, record);
    ctx.interactionsByToken.set(token, record);
    record.dispatchedAt = performance.now();
    gateway.dispatchToNewest('INTERACTION_CREATE', payload);
    return record.handle();
  };

  const componentMessage = (
    messageId: string,
    customId: string,
    componentType: number,
  ): { message: StoredMessageImpl; component: Json } => {
    const message = store.messages.get(messageId);
    if (!message || message.deleted) throw new Error(`Discord stand-in: no message ${messageId} to click on`);
    const component = findComponent(message.components, customId);
    if (!component)
      throw new Error(`Discord stand-in: message ${messageId} has no component with custom_id ${customId}`);
    if (component.type !== componentType) {
      throw new Error(
        `Discord stand-in: component ${customId} has type ${String(component.type)}, not ${componentType}`,
      );
    }
    if (component.disabled === true) throw new Error(`Discord stand-in: component ${customId} is disabled`);
    return { message, component };
  };

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

    runCommand: (opts) =>
      dispatch({
        type: InteractionType.Command,
        base: opts,
        commandName: opts.name,
        data: (guildId) =>
          commandData(
            world,
            world.findGuild(guildId)!,
            commandId(guildId, opts.name),
            opts.name,
            opts.options ?? [],
          ),
      }),

    autocomplete: (opts) => {
      const hasFocus = (list: typeof opts.options): boolean =>
        list.some((o) => o.focused === true || hasFocus(o.options ?? []));
      if (!hasFocus(opts.options))
        throw new Error('Discord stand-in: autocomplete needs one option with focused: true');
      return dispatch({
        type: InteractionType.Autocomplete,
        base: opts,
        commandName: opts.name,
        data: (guildId) =>
          commandData(
            world,
            world.findGuild(guildId)!,
            commandId(guildId, opts.name),
            opts.name,
            opts.options,
          ),
      });
    },

    clickButton: (opts) => {
      const { message } = componentMessage(opts.messageId, opts.customId, 2);
      return dispatch({
        type: InteractionType.Component,
        base: opts,
        sourceMessage: message,
        data: () => ({ component_type: 2, custom_id: opts.customId }),
      });
    },

    selectMenu: (opts) => {
      const { message, component } = componentMessage(opts.messageId, opts.customId, 3);
      const allowed = new Set(((component.options ?? []) as Json[]).map((o) => o.value));
      const unknown = opts.values.filter((v) => !allowed.has(v));
      if (unknown.length)
        throw new Error(`Discord stand-in: select ${opts.customId} has no option(s) ${unknown.join(', ')}`);
      const min = typeof component.min_values === 'number' ? component.min_values : 1;
      const max = typeof component.max_values === 'number' ? component.max_values : 1;
      if (opts.values.length < min || opts.values.length > max) {
        throw new Error(
          `Discord stand-in: select ${opts.customId} takes ${min}–${max} values, got ${opts.values.length}`,
        );
      }
      return dispatch({
        type: InteractionType.Component,
        base: opts,
        sourceMessage: message,
        data: () => ({ component_type: 3, custom_id: opts.customId, values: opts.values }),
      });
    },

    submitModal: (opts) => {
      const shown = ctx.shownModals.get(opts.customId);
      if (!shown)
        throw new Error(`Discord stand-in: the bot never showed a modal with custom_id ${opts.customId}`);
      const sourceMessage = opts.messageId ? store.messages.get(opts.messageId) : shown.sourceMessage;
      return dispatch({
        type: InteractionType.ModalSubmit,
        base: opts,
        sourceMessage,
        data: () => modalData(opts.customId, opts.fields),
      });
    },

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
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standIn;
}
