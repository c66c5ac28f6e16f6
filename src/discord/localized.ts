import type { LocalizationMap } from 'discord.js';

/**
 * Discord shows a command's default name/description to English clients and the pt-BR localization to
 * Brazilian ones. Names stay in English by default (DESIGN: "command names in English with pt-BR
 * localizations").
 */
export interface LocalizedText {
  'en-US': string;
  'pt-BR': string;
}

export function ptBR(text: string): LocalizationMap {
  return { 'pt-BR': text };
}

/** Applies a localized name and description to any builder that has them (commands, options). */
export function localize<
  B extends {
    setName(name: string): B;
    setNameLocalizations(map: LocalizationMap): B;
    setDescription(description: string): B;
    setDescriptionLocalizations(map: LocalizationMap): B;
  },
>(builder: B, name: LocalizedText, description: LocalizedText): B {
  return builder
    .setName(name['en-US'])
    .setNameLocalizations(ptBR(name['pt-BR']))
    .setDescription(description['en-US'])
    .setDescriptionLocalizations(ptBR(description['pt-BR']));
}
