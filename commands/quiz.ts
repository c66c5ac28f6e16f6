import type { SlashCommandIntegerOption, SlashCommandStringOption } from 'discord.js';
import {
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import { EXAM_DOMAINS, domainSchema } from '../src/deck/types';
import { localize } from '../src/discord/localized';
import { replyPrivately } from '../src/discord/replies';
import type { Command } from '../src/app/context';
import { stopRoundFor } from '../src/quiz/components';
import { quizMessages } from '../src/quiz/messages';
import { findRunningRound, getRound } from '../src/quiz/round-store';
import {
  QUESTIONS_DEFAULT,
  QUESTIONS_MAX,
  QUESTIONS_MIN,
  SECONDS_DEFAULT,
  SECONDS_MAX,
  SECONDS_MIN,
} from '../src/quiz/round-rules';
import { startRound } from '../src/quiz/start-round';
import { searchTopics } from '../src/deck/topic-search';
import { tierQuestions } from '../src/deck';

const domainChoices = ([1, 2, 3, 4, 5] as const).map((domain) => ({
  name: `${domain}. ${EXAM_DOMAINS[domain]['en-US']}`,
  name_localizations: { 'pt-BR': `${domain}. ${EXAM_DOMAINS[domain]['pt-BR']}` },
  value: domain,
}));

const startSubcommand = localize(
  new SlashCommandSubcommandBuilder(),
  { 'en-US': 'start', 'pt-BR': 'iniciar' },
  { 'en-US': 'Start a quiz round in this channel', 'pt-BR': 'Inicia uma rodada de quiz neste canal' },
)
  .addIntegerOption((o: SlashCommandIntegerOption) =>
    localize(
      o,
      { 'en-US': 'questions', 'pt-BR': 'perguntas' },
      {
        'en-US': `How many questions (default ${QUESTIONS_DEFAULT})`,
        'pt-BR': `Quantas perguntas (padrão ${QUESTIONS_DEFAULT})`,
      },
    )
      .setMinValue(QUESTIONS_MIN)
      .setMaxValue(QUESTIONS_MAX),
  )
  .addIntegerOption((o: SlashCommandIntegerOption) =>
    localize(
      o,
      { 'en-US': 'seconds', 'pt-BR': 'segundos' },
      {
        'en-US': `Seconds per question (default ${SECONDS_DEFAULT})`,
        'pt-BR': `Segundos por pergunta (padrão ${SECONDS_DEFAULT})`,
      },
    )
      .setMinValue(SECONDS_MIN)
      .setMaxValue(SECONDS_MAX),
  )
  .addStringOption((o: SlashCommandStringOption) =>
    localize(
      o,
      { 'en-US': 'topic', 'pt-BR': 'topico' },
      { 'en-US': 'Only questions on this topic', 'pt-BR': 'Só perguntas deste tópico' },
    )
      .setAutocomplete(true)
      .setMaxLength(100),
  )
  .addIntegerOption((o: SlashCommandIntegerOption) =>
    localize(
      o,
      { 'en-US': 'domain', 'pt-BR': 'dominio' },
      { 'en-US': 'Only questions of this exam domain', 'pt-BR': 'Só perguntas deste domínio do exame' },
    ).addChoices(...domainChoices),
  )
  .addStringOption((o: SlashCommandStringOption) =>
    localize(
      o,
      { 'en-US': 'tier', 'pt-BR': 'nivel' },
      {
        'en-US': 'Exam-style items (default) or quick drill questions generated from the notes',
        'pt-BR': 'Itens no estilo do exame (padrão) ou perguntas rápidas de treino geradas das notas',
      },
    ).addChoices(
      { name: 'exam', name_localizations: { 'pt-BR': 'exame' }, value: 'exam' },
      { name: 'drill', name_localizations: { 'pt-BR': 'treino' }, value: 'drill' },
    ),
  );

const stopSubcommand = localize(
  new SlashCommandSubcommandBuilder(),
  { 'en-US': 'stop', 'pt-BR': 'parar' },
  { 'en-US': 'Stop the round running in this channel', 'pt-BR': 'Para a rodada em andamento neste canal' },
);

export const quizCommand = {
  data: localize(
    new SlashCommandBuilder(),
    { 'en-US': 'quiz', 'pt-BR': 'quiz' },
    {
      'en-US': 'Group quiz rounds with answer buttons',
      'pt-BR': 'Rodadas de quiz em grupo com botões de resposta',
    },
  )
    .setContexts(InteractionContextType.Guild)
    .addSubcommand(startSubcommand)
    .addSubcommand(stopSubcommand),

  async execute(interaction, ctx) {
    const text = quizMessages(ctx.locale);
    if (!interaction.inGuild()) return replyPrivately(interaction, text.unavailable);

    if (interaction.options.getSubcommand() === 'stop') {
      const running = findRunningRound(ctx.db, interaction.channelId);
      if (!running) return replyPrivately(interaction, text.noRunningRound);
      return stopRoundFor(interaction, running, ctx);
    }

    const runner = ctx.quiz.rounds;
    if (!runner) return replyPrivately(interaction, text.unavailable);
    const questionCount = interaction.options.getInteger('questions') ?? QUESTIONS_DEFAULT;
    const secondsPerQuestion = interaction.options.getInteger('seconds') ?? SECONDS_DEFAULT;
    const topic = interaction.options.getString('topic');
    const domainOption = domainSchema.safeParse(interaction.options.getInteger('domain'));
    const domain = domainOption.success ? domainOption.data : null;
    // A topic only the generated questions have (one of the notes' own sections) plays the drill tier
    // unless the member asked for a tier.
    const asked = interaction.options.getString('tier');
    const drillOnlyTopic = topic !== null && !ctx.deck.examTier.some((q) => q.topic === topic);
    const tier = asked === 'drill' || (asked === null && drillOnlyTopic) ? 'drill' : 'exam';

    const result = startRound(
      {
        db: ctx.db,
        questions: tierQuestions(ctx.deck, tier),
        topics: ctx.deck.topics,
        defaultTimezone: ctx.env.DEFAULT_TIMEZONE,
        now: ctx.now(),
        random: Math.random,
      },
      {
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        starterId: interaction.user.id,
        locale: ctx.locale,
        questionCount,
        secondsPerQuestion,
        topic,
        domain,
      },
    );
    switch (result.kind) {
      case 'running':
        return replyPrivately(interaction, text.alreadyRunning(result.link));
      case 'unknown-topic':
        return replyPrivately(interaction, text.unknownTopic(topic ?? ''));
      case 'too-few':
        return replyPrivately(interaction, text.tooFew(result.available, questionCount));
      case 'started': {
        const filters = [
          topic ? text.filterTopic(topic) : null,
          domain ? text.filterDomain(domain, EXAM_DOMAINS[domain][ctx.locale]) : null,
          tier === 'drill' ? text.filterDrill : null,
        ].filter((line) => line !== null);
        ctx.log.info(
          { roundId: result.round.id, questionCount, secondsPerQuestion, topic, domain, tier },
          'quiz round started',
        );
        try {
          await interaction.reply({
            content: [text.started(interaction.user.id, questionCount, secondsPerQuestion), ...filters].join(
              '\n',
            ),
            allowedMentions: { parse: [] },
          });
        } finally {
          // The round is in SQLite already: it must run even when the reply is lost (expired interaction),
          // or the channel would stay "busy" with no question.
          await runner.begin(result.round.id);
        }
        // The first question could not be posted (no permission to send here): the round was closed.
        if (getRound(ctx.db, result.round.id)?.status === 'stopped') {
          await interaction.followUp({ content: text.cannotPost, flags: MessageFlags.Ephemeral });
        }
      }
    }
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused();
    await interaction.respond(
      searchTopics(ctx.deck.topics, typed).map((topic) => ({ name: topic, value: topic })),
    );
  },
} satisfies Command;
