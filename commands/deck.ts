import { EmbedBuilder, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { summarizeDeck } from '../src/deck/summary';
import { localize } from '../src/discord/localized';
import type { Command } from '../src/app/context';
import { deckMessages } from '../src/deck/deck-messages';
import { computeCoverage, MINIMUM_ITEMS_PER_OBJECTIVE } from '../src/deck/coverage';
import { loadExamGuide } from '../src/deck/guide';
import { truncate } from '../src/discord/truncate';

export const deckCommand = {
  data: localize(
    new SlashCommandBuilder(),
    { 'en-US': 'deck', 'pt-BR': 'baralho' },
    { 'en-US': "The question deck's figures", 'pt-BR': 'Os números do baralho de perguntas' },
  ),
  async execute(interaction, ctx) {
    const text = deckMessages(ctx.locale);
    const summary = summarizeDeck(ctx.deck.deck);
    const coverage = computeCoverage(ctx.deck.deck, loadExamGuide());
    const all = coverage.domains.flatMap((d) => d.objectives);
    const covered = all.filter((o) => o.fromNotes + o.beyond >= MINIMUM_ITEMS_PER_OBJECTIVE).length;
    const fromNotes = ctx.deck.examTier.filter((q) => q.tier === 'exam' && !q.beyond).length;
    const missing = coverage.notCoveredByNotes.map((o) => `\`${o.id}\` ${o.title[ctx.locale]}`);
    const embed = new EmbedBuilder()
      .setTitle(text.title)
      .setDescription(
        text.description(summary.byTier.exam, summary.byTier.drill, summary.services, summary.topics),
      )
      .addFields(
        {
          name: text.coverage,
          value: text.coverageLine(covered, all.length, fromNotes, coverage.examItems - fromNotes),
        },
        ...(missing.length > 0
          ? [{ name: text.notesMiss(missing.length), value: truncate(missing.join('\n'), 1024) }]
          : []),
        {
          name: text.byDomain,
          value: summary.byDomain.map((d) => text.domainLine(d.domain, d.count, d.share)).join('\n'),
        },
        {
          name: text.byType,
          value: summary.byType.map((t) => `${text.typeName[t.type]}: **${t.count}**`).join('\n'),
        },
        { name: text.notes, value: `\`${summary.notesSha256.slice(0, 16)}…\`` },
      );
    await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral });
  },
} satisfies Command;
