import { performance } from 'node:perf_hooks';
import { findComponent } from './components';
import { interactionToken, snowflake } from './ids';
import { commandData, interactionPayload, modalData } from './interaction-payloads';
import { InteractionRecord } from './interaction-record';
import type { StandInContext } from './context';
import type { Json } from './json';
import type { StoredMessageImpl } from './message-store';
import type {
  AutocompleteOptions,
  ClickButtonOptions,
  CommandOption,
  InteractionBase,
  InteractionHandle,
  RunCommandOptions,
  SelectMenuOptions,
  SubmitModalOptions,
} from './types';
import type { GuildState } from './world';

// What simulated members do: run commands, type into autocomplete, click, pick, submit modals. Each builds
// an INTERACTION_CREATE, refuses what a Discord client could not do, and sends it to the newest session
// of the shard owning the guild.

const InteractionType = { Command: 2, Component: 3, Autocomplete: 4, ModalSubmit: 5 } as const;
const ComponentType = { Button: 2, StringSelect: 3 } as const;

function fail(message: string): never {
  throw new Error(`Discord stand-in: ${message}`);
}

export class MemberActions {
  /** Ids for commands that were never registered, stable per name. */
  private readonly unregisteredCommandIds = new Map<string, string>();

  constructor(private readonly ctx: StandInContext) {}

  runCommand(opts: RunCommandOptions): InteractionHandle {
    return this.dispatch({
      type: InteractionType.Command,
      base: opts,
      commandName: opts.name,
      data: (guild) => this.commandData(guild, opts.name, opts.options ?? []),
    });
  }

  autocomplete(opts: AutocompleteOptions): InteractionHandle {
    const hasFocus = (list: CommandOption[]): boolean =>
      list.some((o) => o.focused === true || hasFocus(o.options ?? []));
    if (!hasFocus(opts.options)) fail('autocomplete needs one option with focused: true');
    return this.dispatch({
      type: InteractionType.Autocomplete,
      base: opts,
      commandName: opts.name,
      data: (guild) => this.commandData(guild, opts.name, opts.options),
    });
  }

  clickButton(opts: ClickButtonOptions): InteractionHandle {
    const { message } = this.component(opts.messageId, opts.customId, ComponentType.Button);
    return this.dispatch({
      type: InteractionType.Component,
      base: opts,
      sourceMessage: message,
      data: () => ({ component_type: ComponentType.Button, custom_id: opts.customId }),
    });
  }

  selectMenu(opts: SelectMenuOptions): InteractionHandle {
    const { message, component } = this.component(opts.messageId, opts.customId, ComponentType.StringSelect);
    const offered = new Set(((component.options ?? []) as Json[]).map((o) => o.value));
    const unknown = opts.values.filter((v) => !offered.has(v));
    if (unknown.length) fail(`select ${opts.customId} has no option(s) ${unknown.join(', ')}`);
    const min = typeof component.min_values === 'number' ? component.min_values : 1;
    const max = typeof component.max_values === 'number' ? component.max_values : 1;
    if (opts.values.length < min || opts.values.length > max) {
      fail(`select ${opts.customId} takes ${min}–${max} values, got ${opts.values.length}`);
    }
    return this.dispatch({
      type: InteractionType.Component,
      base: opts,
      sourceMessage: message,
      data: () => ({
        component_type: ComponentType.StringSelect,
        custom_id: opts.customId,
        values: opts.values,
      }),
    });
  }

  submitModal(opts: SubmitModalOptions): InteractionHandle {
    const shown = this.ctx.shownModals.get(opts.customId);
    if (!shown) fail(`the bot never showed a modal with custom_id ${opts.customId}`);
    const sourceMessage = opts.messageId ? this.ctx.store.messages.get(opts.messageId) : shown.sourceMessage;
    return this.dispatch({
      type: InteractionType.ModalSubmit,
      base: opts,
      sourceMessage,
      data: () => modalData(opts.customId, opts.fields),
    });
  }

  private commandData(guild: GuildState, name: string, options: CommandOption[]): Json {
    return commandData(this.ctx.world, guild, this.commandId(guild.id, name), name, options);
  }

  /** A registered command's id (guild first, then global), like the one Discord sends. */
  private commandId(guildId: string, name: string): string {
    for (const scope of [guildId, 'global']) {
      const found = ((this.ctx.registeredCommands.get(scope) ?? []) as Json[]).find((c) => c.name === name);
      if (typeof found?.id === 'string') return found.id;
    }
    let id = this.unregisteredCommandIds.get(name);
    if (!id) this.unregisteredCommandIds.set(name, (id = snowflake()));
    return id;
  }

  /** A member can only use a component that is on a live message and enabled. */
  private component(
    messageId: string,
    customId: string,
    type: number,
  ): { message: StoredMessageImpl; component: Json } {
    const message = this.ctx.store.messages.get(messageId);
    if (!message || message.deleted) fail(`no message ${messageId} to click on`);
    const component = findComponent(message.components, customId);
    if (!component) fail(`message ${messageId} has no component with custom_id ${customId}`);
    if (component.type !== type)
      fail(`component ${customId} has type ${String(component.type)}, not ${type}`);
    if (component.disabled === true) fail(`component ${customId} is disabled`);
    return { message, component };
  }

  private locate(base: InteractionBase, fallbackChannelId: string | undefined) {
    const { world } = this.ctx;
    const guild = base.guildId ? world.findGuild(base.guildId) : world.guilds[0];
    if (!guild) fail(`unknown guild ${base.guildId}`);
    const channelId = base.channelId ?? fallbackChannelId ?? guild.textChannelId;
    const found = world.findChannel(channelId);
    if (!found || world.deletedChannels.has(channelId))
      fail(`no channel ${channelId} to send an interaction from`);
    return found;
  }

  private dispatch(params: {
    type: number;
    base: InteractionBase;
    commandName?: string;
    sourceMessage?: StoredMessageImpl;
    data: (guild: GuildState) => Json;
  }): InteractionHandle {
    const { ctx } = this;
    const { world, gateway } = ctx;
    if (!gateway.hasReadySession()) {
      fail(
        "no client is connected and ready — await standIn.waitForClientReady() and the client's clientReady " +
          'before sending interactions',
      );
    }
    const { guild, channel } = this.locate(params.base, params.sourceMessage?.channel_id);
    // Discord sends a guild's interactions to the session of the shard that owns the guild.
    if (!gateway.hasReadySession(guild.id)) {
      fail(
        `no client session owns guild ${guild.id} (its shard is not connected) — await ` +
          'standIn.waitForClientReady({ shard }) for that shard before sending interactions',
      );
    }
    const member = params.base.member;
    const record = new InteractionRecord(
      snowflake(),
      interactionToken(),
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
      applicationId: ctx.applicationId,
      id: record.id,
      token: record.token,
      type: params.type,
      guild,
      channel,
      member,
      locale: params.base.locale ?? member.locale,
      data: params.data(guild),
      ...(params.sourceMessage ? { message: params.sourceMessage.raw() } : {}),
    });
    ctx.interactionsById.set(record.id, record);
    ctx.interactionsByToken.set(record.token, record);
    record.dispatchedAt = performance.now();
    gateway.dispatchToNewest('INTERACTION_CREATE', payload);
    return record.handle();
  }
}
