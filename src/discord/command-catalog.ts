import type { Locale } from '../shared/i18n';
import type { Command } from './types';

type Listed = Pick<Command<never>, 'data'>;

/** One line per command, "`/name` — description", in the member's language. */
export function describeCommands(commands: readonly Listed[], locale: Locale): string[] {
  return commands.map((command) => {
    const json = command.data.toJSON();
    const name = locale === 'pt-BR' ? (json.name_localizations?.['pt-BR'] ?? json.name) : json.name;
    const description =
      locale === 'pt-BR' ? (json.description_localizations?.['pt-BR'] ?? json.description) : json.description;
    return `\`/${name}\` — ${description}`;
  });
}
