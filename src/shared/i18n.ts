/** The bot speaks pt-BR; UI strings switch to en-US when the member's Discord client is in English. */
export const LOCALES = ['pt-BR', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'pt-BR';

/** Maps a Discord locale ('en-US', 'en-GB', 'pt-BR', 'es-ES', …) to one the bot speaks. */
export function resolveLocale(discordLocale: string | null | undefined): Locale {
  return discordLocale?.startsWith('en') ? 'en-US' : DEFAULT_LOCALE;
}

/**
 * One feature's strings in both languages. The en-US table must have exactly the pt-BR keys with the same
 * shapes (strings, functions of the same arguments, or tables of the same type), checked by the compiler.
 */
export function defineMessages<const M extends Record<string, unknown>>(tables: {
  'pt-BR': M;
  'en-US': {
    [K in keyof M]: M[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : M[K] extends string
        ? string
        : M[K];
  };
}): (locale: Locale) => M {
  return (locale) => tables[locale] as M;
}
