import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  SharedSlashCommand,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { Locale } from '../shared/i18n';
import type { Logger } from '../shared/logger';
import type { CustomIdDefinition, CustomIdValue } from './custom-id';

// The router's shapes, generic over the application's context: this folder is infrastructure and
// knows no feature. The application fills `App` in (src/app/context.ts).

/** What the router itself needs of the application's context. */
export interface RouterApp {
  logger: Logger;
}

/** Per interaction: the app plus a child logger carrying the interaction's ids, and the member's locale. */
export type HandlerContext<App extends RouterApp = RouterApp> = App & { log: Logger; locale: Locale };

export interface Command<Ctx = HandlerContext> {
  data: SharedSlashCommand;
  execute(interaction: ChatInputCommandInteraction, ctx: Ctx): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: Ctx): Promise<void>;
}

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

export interface ComponentHandler<D extends CustomIdDefinition = CustomIdDefinition, Ctx = HandlerContext> {
  customId: D;
  execute(interaction: ComponentInteraction, data: CustomIdValue<D>, ctx: Ctx): Promise<void>;
}

/** Lets a list hold handlers of different id shapes while each keeps its own typing. */
export function componentHandler<Ctx, D extends CustomIdDefinition>(
  handler: ComponentHandler<D, Ctx>,
): ComponentHandler<CustomIdDefinition, Ctx> {
  return handler as unknown as ComponentHandler<CustomIdDefinition, Ctx>;
}
