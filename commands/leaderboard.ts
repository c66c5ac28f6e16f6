import {
  InteractionContextType,
  SlashCommandBuilder,
  SlashCommandIntegerOption,
  SlashCommandStringOption,
} from 'discord.js';
import { EXAM_DOMAINS } from '../src/deck/types';
import { localize, ptBR } from '../src/discord/localized';
import { replyPrivately } from '../src/discord/replies';
import type { Command } from '../src/app/context';
import { ensureGuild } from '../src/guilds/guild-settings';
import { buildLeaderboardView } from '../src/leaderboard/leaderboard-view';
import { leaderboardMessages } from '../src/leaderboard/messages';
import { renderLeaderboard } from '../src/leaderboard/render-leaderboard';
import { DEFAULT_MIN_ANSWERS, type RankBy, type StandingsScope } from '../src/leaderboard/standings-queries';
import { findTopic, searchTopics } from '../src/deck/topic-search';
import type { PeriodKind } from '../src/db/schema';

const DOMAIN_NUMBERS = [1, 2, 3, 4, 5] as const;

export const leaderboardCommand = {
  data: localize(
    new SlashCommandBuilder(),
    { 'en-US': 'leaderboard', 'pt-BR': 'ranking' },
    { 'en-US': "This server's standings", 'pt-BR': 'A classificação deste servidor' },
  )
    .setContexts(InteractionContextType.Guild)
    .addStringOption(
      localize(
        new SlashCommandStringOption(),
        { 'en-US': 'period', 'pt-BR': 'periodo' },
        { 'en-US': 'Week (default), month or all time', 'pt-BR': 'Semana (padrão), mês ou sempre' },
      ).addChoices(
        { name: 'week', value: 'week', name_localizations: ptBR('semana') },
        { name: 'month', value: 'month', name_localizations: ptBR('mês') },
        { name: 'all time', value: 'all', name_localizations: ptBR('sempre') },
      ),
    )
    .addIntegerOption(
      localize(
        new SlashCommandIntegerOption(),
        { 'en-US': 'domain', 'pt-BR': 'dominio' },
        { 'en-US': 'Only one exam domain', 'pt-BR': 'Só um domínio do exame' },
      ).addChoices(
        ...DOMAIN_NUMBERS.map((n) => ({
          name: `${n}. ${EXAM_DOMAINS[n]['en-US']}`,
          value: n,
          name_localizations: ptBR(`${n}. ${EXAM_DOMAINS[n]['pt-BR']}`),
        })),
      ),
    )
    .addStringOption(
      localize(
        new SlashCommandStringOption(),
        { 'en-US': 'topic', 'pt-BR': 'topico' },
        { 'en-US': 'Only one topic', 'pt-BR': 'Só um tópico' },
      ).setAutocomplete(true),
    )
    .addStringOption(
      localize(
        new SlashCommandStringOption(),
        { 'en-US': 'by', 'pt-BR': 'criterio' },
        { 'en-US': 'Rank by points (default) or accuracy', 'pt-BR': 'Ordenar por pontos (padrão) ou acerto' },
      ).addChoices(
        { name: 'points', value: 'points', name_localizations: ptBR('pontos') },
        { name: 'accuracy', value: 'accuracy', name_localizations: ptBR('acerto') },
      ),
    )
    .addIntegerOption(
      localize(
        new SlashCommandIntegerOption(),
        { 'en-US': 'min-answers', 'pt-BR': 'minimo-respostas' },
        {
          'en-US': `Accuracy ranking: answers needed to be ranked (default ${DEFAULT_MIN_ANSWERS})`,
          'pt-BR': `Ranking por acerto: respostas para entrar (padrão ${DEFAULT_MIN_ANSWERS})`,
        },
      )
        .setMinValue(1)
        .setMaxValue(1000),
    ),

  async execute(interaction, ctx) {
    const text = leaderboardMessages(ctx.locale);
    if (!interaction.inGuild()) return replyPrivately(interaction, text.guildOnly);

    let scope: StandingsScope = '';
    const typedTopic = interaction.options.getString('topic');
    const domain = interaction.options.getInteger('domain');
    if (typedTopic) {
      // A topic is narrower than a domain, so it wins when both are given.
      const topic = findTopic(ctx.deck.topics, typedTopic);
      if (!topic) return replyPrivately(interaction, text.unknownTopic(typedTopic));
      scope = `t:${topic}`;
    } else if (domain) {
      scope = `d:${domain}`;
    }

    const now = ctx.now();
    const guild = ensureGuild(ctx.db, interaction.guildId, ctx.env.DEFAULT_TIMEZONE, now);
    const view = buildLeaderboardView(ctx.stores.leaderboard, {
      guildId: interaction.guildId,
      userId: interaction.user.id,
      period: (interaction.options.getString('period') ?? 'week') as PeriodKind,
      scope,
      by: (interaction.options.getString('by') ?? 'points') as RankBy,
      minAnswers: interaction.options.getInteger('min-answers') ?? DEFAULT_MIN_ANSWERS,
      timeZone: guild.timezone,
      now,
    });
    // Mentions in an embed never ping, so the board can be shown to the channel.
    await interaction.reply({ embeds: [renderLeaderboard(view, ctx.locale)] });
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused();
    await interaction.respond(
      searchTopics(ctx.deck.topics, typed).map((topic) => ({ name: topic, value: topic })),
    );
  },
} satisfies Command;
