import type { Interaction } from 'discord.js';
import { resolveLocale } from '../shared/i18n';
import { CustomIdError, splitCustomId, type CustomIdDefinition } from './custom-id';
import { isStaleInteractionError } from './discord-errors';
import { replyPrivately } from './replies';
import { routerMessages } from './router-messages';
import type { Command, ComponentHandler, ComponentInteraction, HandlerContext, RouterApp } from './types';

export interface RouterOptions<App extends RouterApp> {
  commands: readonly Command<HandlerContext<App>>[];
  components: readonly ComponentHandler<CustomIdDefinition, HandlerContext<App>>[];
}

/**
 * The one `interactionCreate` handler: slash commands and autocomplete by command name, components by
 * their custom_id prefix. It never throws: every failure is logged with the interaction's ids and, where
 * the interaction can still be answered, the member gets a short private message in their language.
 */
export function createInteractionRouter<App extends RouterApp>(
  app: App,
  { commands, components }: RouterOptions<App>,
): (interaction: Interaction) => Promise<void> {
  const commandsByName = indexUnique(commands, (c) => c.data.name, 'command');
  const componentsByPrefix = indexUnique(components, (c) => c.customId.prefix, 'custom_id prefix');

  return async (interaction) => {
    const ctx = contextFor(app, interaction);
    try {
      if (interaction.isChatInputCommand()) {
        const command = commandsByName.get(interaction.commandName);
        if (!command) return await replyPrivately(interaction, routerMessages(ctx.locale).unknownCommand);
        await command.execute(interaction, ctx);
      } else if (interaction.isAutocomplete()) {
        const command = commandsByName.get(interaction.commandName);
        await (command?.autocomplete ? command.autocomplete(interaction, ctx) : interaction.respond([]));
      } else if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit()) {
        await routeComponent(interaction, componentsByPrefix, ctx);
      }
    } catch (error) {
      await reportFailure(interaction, ctx, error);
    }
  };
}

async function routeComponent<Ctx extends HandlerContext>(
  interaction: ComponentInteraction,
  handlers: Map<string, ComponentHandler<CustomIdDefinition, Ctx>>,
  ctx: Ctx,
): Promise<void> {
  const messages = routerMessages(ctx.locale);
  try {
    const { prefix, fields } = splitCustomId(interaction.customId);
    const handler = handlers.get(prefix);
    if (!handler) throw new CustomIdError('unknown', `no handler for prefix "${prefix}"`);
    const data = handler.customId.parseFields(fields);
    await handler.execute(interaction, data, ctx);
  } catch (error) {
    if (!(error instanceof CustomIdError)) throw error;
    ctx.log.warn(
      { customId: interaction.customId, reason: error.reason, detail: error.message },
      'bad custom_id',
    );
    await replyPrivately(
      interaction,
      error.reason === 'outdated' ? messages.outdatedComponent : messages.unknownComponent,
    );
  }
}

function contextFor<App extends RouterApp>(app: App, interaction: Interaction): HandlerContext<App> {
  const log = app.logger.child({
    interactionId: interaction.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    ...(interaction.isCommand() || interaction.isAutocomplete()
      ? { command: interaction.commandName }
      : interaction.isMessageComponent() || interaction.isModalSubmit()
        ? { customId: interaction.customId }
        : {}),
  });
  return { ...app, log, locale: resolveLocale(interaction.locale) };
}

async function reportFailure(interaction: Interaction, ctx: HandlerContext, error: unknown): Promise<void> {
  if (isStaleInteractionError(error)) {
    ctx.log.warn({ err: error }, 'interaction expired or already acknowledged');
    return;
  }
  ctx.log.error({ err: error }, 'interaction handler failed');
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    return;
  }
  if (!interaction.isRepliable()) return;
  try {
    await replyPrivately(interaction, routerMessages(ctx.locale).failed);
  } catch (replyError) {
    ctx.log.warn({ err: replyError }, 'could not tell the member about the failure');
  }
}

function indexUnique<T>(items: readonly T[], key: (item: T) => string, what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (map.has(k)) throw new Error(`duplicate ${what}: ${k}`);
    map.set(k, item);
  }
  return map;
}
