import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type APIEmbed } from 'discord.js';
import type { ServiceCard } from '../deck/types';
import type { Locale } from '../shared/i18n';
import { serviceSlug } from '../services/service-search';
import { truncate } from '../discord/truncate';
import type { ActionRow } from './answer-controls';
import { testMeId } from './custom-ids';
import { dailyMessages } from './messages';

export interface ServiceCardMessage {
  embeds: APIEmbed[];
  components: ActionRow[];
}

const FIELD_MAX = 1024;

/** The card of one service, used by the daily post and by `/service`, with its "test me" button. */
export function renderServiceCard(
  card: ServiceCard,
  locale: Locale,
  options: { daily?: boolean } = {},
): ServiceCardMessage {
  const text = dailyMessages(locale);
  // One line per heading, however often the notes mention the service under it.
  const linesByHeading = new Map<string, number[]>();
  for (const { heading, line } of card.sections)
    linesByHeading.set(heading, [...(linesByHeading.get(heading) ?? []), line]);
  const sections = [...linesByHeading].map(([heading, lines]) => `• ${text.sectionLines(heading, lines)}`);
  const embed = new EmbedBuilder()
    .setTitle(truncate(options.daily ? text.serviceOfTheDay(card.name) : card.name, 256))
    .addFields(
      { name: text.whatItDoes, value: truncate(card.summary, FIELD_MAX) },
      { name: text.examTip, value: truncate(card.examTip, FIELD_MAX) },
      ...(card.confusedWith.length > 0
        ? [{ name: text.confusedWith, value: truncate(card.confusedWith.join(', '), FIELD_MAX) }]
        : []),
      { name: text.sections, value: truncate(sections.join('\n'), FIELD_MAX) },
    )
    .setFooter({ text: text.category(card.category) });
  const components: ActionRow[] =
    card.questionIds.length > 0
      ? [
          new ActionRowBuilder<ButtonBuilder>()
            .addComponents(
              new ButtonBuilder()
                .setCustomId(testMeId.encode({ service: serviceSlug(card.name) }))
                .setLabel(text.testMe)
                .setEmoji('🧪')
                .setStyle(ButtonStyle.Primary),
            )
            .toJSON(),
        ]
      : [];
  return { embeds: [embed.toJSON()], components };
}
