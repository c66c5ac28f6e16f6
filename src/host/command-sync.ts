import { Routes, type REST } from 'discord.js';
import type { Logger } from '../shared/logger';

/** A command as sent to or read from Discord; only the fields compared here are typed. */
type CommandJson = { name: string };

export interface CommandDiff {
  /** The bot has them; Discord does not (members cannot use them). */
  missing: string[];
  /** Both have them, but the options, texts or permissions differ. */
  outdated: string[];
  /** Discord has them; this version of the bot no longer does. */
  extra: string[];
}

export function commandsRoute(applicationId: string, guildId?: string): `/${string}` {
  return guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
}

/** Compares what Discord holds with what the bot would register, ignoring Discord's own additions. */
export function diffCommands(local: readonly CommandJson[], remote: readonly CommandJson[]): CommandDiff {
  const remoteByName = new Map(remote.map((command) => [command.name, command]));
  const localNames = new Set(local.map((command) => command.name));
  const missing: string[] = [];
  const outdated: string[] = [];
  for (const command of local) {
    const registered = remoteByName.get(command.name);
    if (!registered) missing.push(command.name);
    else if (
      JSON.stringify(canonical(command as Record<string, unknown>)) !==
      JSON.stringify(canonical(registered as Record<string, unknown>))
    )
      outdated.push(command.name);
  }
  const extra = remote.map((command) => command.name).filter((name) => !localNames.has(name));
  return { missing, outdated, extra };
}

export function isInSync(diff: CommandDiff): boolean {
  return diff.missing.length + diff.outdated.length + diff.extra.length === 0;
}

/**
 * The fields a member sees or that gate use, with Discord's defaults filled in, so `required: false`
 * sent and the field left out compare equal, and ids, versions and the like are ignored.
 */
function canonical(command: Record<string, unknown>): unknown {
  return {
    type: command.type ?? 1,
    name: command.name,
    description: command.description ?? '',
    name_localizations: sortedRecord(command.name_localizations),
    description_localizations: sortedRecord(command.description_localizations),
    default_member_permissions: command.default_member_permissions ?? null,
    nsfw: command.nsfw ?? false,
    options: canonicalOptions(command.options),
  };
}

function canonicalOptions(options: unknown): unknown[] {
  if (!Array.isArray(options)) return [];
  return options.map((option: Record<string, unknown>) => ({
    type: option.type,
    name: option.name,
    description: option.description ?? '',
    name_localizations: sortedRecord(option.name_localizations),
    description_localizations: sortedRecord(option.description_localizations),
    required: option.required ?? false,
    autocomplete: option.autocomplete ?? false,
    choices: Array.isArray(option.choices)
      ? option.choices.map((choice: Record<string, unknown>) => ({
          name: choice.name,
          value: choice.value,
          name_localizations: sortedRecord(choice.name_localizations),
        }))
      : [],
    min_value: option.min_value ?? null,
    max_value: option.max_value ?? null,
    min_length: option.min_length ?? null,
    max_length: option.max_length ?? null,
    channel_types: Array.isArray(option.channel_types) ? [...(option.channel_types as number[])].sort() : [],
    options: canonicalOptions(option.options),
  }));
}

function sortedRecord(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}

export interface CommandCheckOptions {
  rest: REST;
  applicationId: string;
  guildId?: string;
  commands: readonly CommandJson[];
  /** REGISTER_ON_START: put the bot's commands when, and only when, Discord's differ. */
  register: boolean;
  logger: Logger;
}

/**
 * After login: warns when the slash commands at Discord differ from the bot's own — the usual cause
 * of "the bot is online but has no commands" — with the command that fixes it, or syncs them when
 * the host opted in. A failure here is logged, never fatal: the bot still answers what is registered.
 */
export async function checkRegisteredCommands(
  options: CommandCheckOptions,
): Promise<CommandDiff | undefined> {
  const { rest, logger } = options;
  const route = commandsRoute(options.applicationId, options.guildId);
  const where = options.guildId ? `server ${options.guildId}` : 'all servers (global)';
  try {
    const query = new URLSearchParams({ with_localizations: 'true' });
    const remote = (await rest.get(route, { query })) as CommandJson[];
    const diff = diffCommands(options.commands, remote);
    if (isInSync(diff)) {
      logger.info({ commands: remote.length, where }, `Slash commands at Discord are up to date (${where})`);
      return diff;
    }
    const summary = describeDiff(diff);
    if (!options.register) {
      logger.warn(
        { ...diff, where },
        `Slash commands at Discord differ from this version's (${summary}) for ${where}: run ` +
          '`npm run register` (or set REGISTER_ON_START=true) so members see the right ones',
      );
      return diff;
    }
    await rest.put(route, { body: options.commands });
    logger.info(
      { ...diff, where },
      `Registered ${options.commands.length} slash commands for ${where} (they differed: ${summary})`,
    );
    return diff;
  } catch (error) {
    logger.warn(
      { err: error, where },
      `Could not compare the slash commands registered at Discord (${error instanceof Error ? error.message : String(error)})`,
    );
    return undefined;
  }
}

function describeDiff(diff: CommandDiff): string {
  const parts = [
    diff.missing.length ? `missing: ${diff.missing.map((n) => `/${n}`).join(' ')}` : '',
    diff.outdated.length ? `outdated: ${diff.outdated.map((n) => `/${n}`).join(' ')}` : '',
    diff.extra.length ? `no longer used: ${diff.extra.map((n) => `/${n}`).join(' ')}` : '',
  ];
  return parts.filter(Boolean).join('; ');
}
