import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Times are epoch milliseconds (UTC) in integer columns; local dates are 'YYYY-MM-DD' text. */

/** One row per Discord server the bot has seen; its settings for periods and daily posts. */
export const guilds = sqliteTable('guilds', {
  id: text('id').primaryKey(),
  timezone: text('timezone').notNull(),
  /**
   * The zone /config asked for while its standings are rebuilt; `timezone` changes only when they are
   * in. Kept across a stop or crash, so the next start resumes the switch; null when none is on its way.
   */
  pendingTimezone: text('pending_timezone'),
  dailyChannelId: text('daily_channel_id'),
  /** Local wall time 'HH:MM' of the daily posts. */
  dailyTime: text('daily_time').notNull().default('09:00'),
  serviceCardEnabled: integer('service_card_enabled', { mode: 'boolean' }).notNull().default(true),
  dailyQuestionEnabled: integer('daily_question_enabled', { mode: 'boolean' }).notNull().default(true),
  /** Bumped on every /config change, so a failed daily post is retried after the settings change. */
  settingsVersion: integer('settings_version').notNull().default(0),
  lastDailyError: text('last_daily_error'),
  lastDailyErrorAt: integer('last_daily_error_at'),
  createdAt: integer('created_at').notNull(),
});

export const roundStatuses = ['running', 'finished', 'stopped'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

/** A group quiz round in one channel. At most one running round per channel (partial unique index). */
export const rounds = sqliteTable(
  'rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id')
      .notNull()
      .references(() => guilds.id),
    channelId: text('channel_id').notNull(),
    starterId: text('starter_id').notNull(),
    locale: text('locale').notNull(),
    status: text('status', { enum: roundStatuses }).notNull().default('running'),
    questionCount: integer('question_count').notNull(),
    secondsPerQuestion: integer('seconds_per_question').notNull(),
    /** Optional filter the round was started with. */
    topic: text('topic'),
    domain: integer('domain'),
    /** Position (0-based) of the question on screen now; equals questionCount once all are revealed. */
    currentPosition: integer('current_position').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    endedAt: integer('ended_at'),
    stoppedBy: text('stopped_by'),
  },
  (t) => [
    uniqueIndex('rounds_one_running_per_channel')
      .on(t.channelId)
      .where(sql`${t.status} = 'running'`),
    index('rounds_guild_created').on(t.guildId, t.createdAt),
  ],
);

/** The questions of a round, chosen when it starts, with the message and deadline of each. */
export const roundQuestions = sqliteTable(
  'round_questions',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => rounds.id),
    position: integer('position').notNull(),
    questionId: text('question_id').notNull(),
    messageId: text('message_id'),
    openedAt: integer('opened_at'),
    deadlineAt: integer('deadline_at'),
    revealedAt: integer('revealed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.position] }),
    index('round_questions_question').on(t.questionId),
  ],
);

export const dailyKinds = ['service', 'question'] as const;
export type DailyKind = (typeof dailyKinds)[number];

/**
 * One row per server, kind and local date: the unique key is what makes a daily post happen exactly once,
 * whatever restarts or overlapping ticks do.
 */
export const dailyPosts = sqliteTable(
  'daily_posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id')
      .notNull()
      .references(() => guilds.id),
    kind: text('kind', { enum: dailyKinds }).notNull(),
    localDate: text('local_date').notNull(),
    channelId: text('channel_id').notNull(),
    /** Service name (service card) or question id (question of the day). */
    subject: text('subject').notNull(),
    messageId: text('message_id'),
    postedAt: integer('posted_at').notNull(),
    /** When the result was written onto the message (question of the day), or null while open. */
    closedAt: integer('closed_at'),
  },
  (t) => [
    uniqueIndex('daily_posts_once_per_day').on(t.guildId, t.kind, t.localDate),
    index('daily_posts_guild_kind_posted').on(t.guildId, t.kind, t.postedAt),
  ],
);

export const answerKinds = ['round', 'daily', 'practice', 'mock'] as const;
export type AnswerKind = (typeof answerKinds)[number];

/**
 * Append-only answer events. Standings and stats are derived from these; nothing is reset by deleting.
 * One answer per member per question of a round, and per member per daily post.
 */
export const answers = sqliteTable(
  'answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id')
      .notNull()
      .references(() => guilds.id),
    userId: text('user_id').notNull(),
    questionId: text('question_id').notNull(),
    kind: text('kind', { enum: answerKinds }).notNull(),
    roundId: integer('round_id').references(() => rounds.id),
    dailyPostId: integer('daily_post_id').references(() => dailyPosts.id),
    /** The /practice session of a spaced-repetition review (kind 'practice'); null for "Teste-me". */
    practiceSessionId: integer('practice_session_id').references(() => practiceSessions.id),
    /** Chosen option indexes, comma-separated in the order given (order questions keep the order). */
    choice: text('choice').notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    responseMs: integer('response_ms').notNull(),
    points: integer('points').notNull(),
    /** Denormalised from the deck at answer time, so stats per domain and topic need no deck join. */
    domain: integer('domain').notNull(),
    topic: text('topic').notNull(),
    answeredAt: integer('answered_at').notNull(),
  },
  (t) => [
    uniqueIndex('answers_once_per_round_question')
      .on(t.roundId, t.questionId, t.userId)
      .where(sql`${t.roundId} is not null`),
    uniqueIndex('answers_once_per_daily_post')
      .on(t.dailyPostId, t.userId)
      .where(sql`${t.dailyPostId} is not null`),
    uniqueIndex('answers_once_per_practice_item')
      .on(t.practiceSessionId, t.questionId, t.userId)
      .where(sql`${t.practiceSessionId} is not null`),
    index('answers_guild_user_time').on(t.guildId, t.userId, t.answeredAt),
    index('answers_guild_time').on(t.guildId, t.answeredAt),
  ],
);

export const periodKinds = ['week', 'month', 'all'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/**
 * Standings kept in the same transaction as each answer, so a leaderboard is an index range read.
 * scope: '' (everything), 'd:<domain>' or 't:<topic>'. periodKey: '2026-W48', '2026-11' or 'all', in the
 * server's time zone at the time of the answer. Always rebuildable from `answers`.
 * zone: the IANA zone a week or month row's period is in ('' for all time); readers and the click path
 * use the server's current zone, so a time-zone switch builds the new zone's rows beside the old ones
 * (src/leaderboard/sliced-rebuild.ts) and switches by changing `guilds.timezone` alone.
 */
export const standings = sqliteTable(
  'standings',
  {
    guildId: text('guild_id').notNull(),
    zone: text('zone').notNull().default(''),
    periodKind: text('period_kind', { enum: periodKinds }).notNull(),
    periodKey: text('period_key').notNull(),
    scope: text('scope').notNull(),
    userId: text('user_id').notNull(),
    points: integer('points').notNull().default(0),
    answered: integer('answered').notNull().default(0),
    correct: integer('correct').notNull().default(0),
    lastAnsweredAt: integer('last_answered_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.zone, t.periodKind, t.periodKey, t.scope, t.userId] }),
    index('standings_by_points').on(t.guildId, t.zone, t.periodKind, t.periodKey, t.scope, t.points),
    // Accuracy leaderboards walk this instead of sorting a whole period; `answered` lets the minimum
    // answers filter and the caller's rank count run from the index alone. The expression must match
    // the one in src/leaderboard/standings-queries.ts character for character.
    index('standings_by_accuracy').on(
      t.guildId,
      t.zone,
      t.periodKind,
      t.periodKey,
      t.scope,
      sql`(correct * 1.0 / answered)`,
      t.answered,
    ),
  ],
);

/**
 * A member's /practice session: `size` items, chosen one at a time by the scheduler as the member goes
 * (src/practice). At most one open session per member and server.
 */
export const practiceSessions = sqliteTable(
  'practice_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id')
      .notNull()
      .references(() => guilds.id),
    userId: text('user_id').notNull(),
    size: integer('size').notNull(),
    createdAt: integer('created_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [
    uniqueIndex('practice_sessions_one_open')
      .on(t.guildId, t.userId)
      .where(sql`${t.finishedAt} is null`),
  ],
);

/** The items of a practice session in the order shown; `shownAt` times the answer. */
export const practiceItems = sqliteTable(
  'practice_items',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => practiceSessions.id),
    position: integer('position').notNull(),
    questionId: text('question_id').notNull(),
    shownAt: integer('shown_at').notNull(),
    /** The review event (answers row) once answered. */
    answerId: integer('answer_id').references(() => answers.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.position] })],
);

/**
 * The FSRS card of one member and item, derived from the member's practice reviews (answers with a
 * practice_session_id) and kept in the same transaction as each review, like `standings`. Always
 * rebuildable from `answers` (src/practice/card-store.ts rebuildCards). Dates in epoch ms.
 */
export const practiceCards = sqliteTable(
  'practice_cards',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    questionId: text('question_id').notNull(),
    due: integer('due').notNull(),
    stability: real('stability').notNull(),
    difficulty: real('difficulty').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
    state: integer('state').notNull(),
    lastReview: integer('last_review').notNull(),
    /** Right answers among the reviews, for the member's weakest objectives. */
    correct: integer('correct').notNull(),
    lastAnswerId: integer('last_answer_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.userId, t.questionId] }),
    // The scheduler's first question, "what is due now?", reads only the due cards.
    index('practice_cards_due').on(t.guildId, t.userId, t.due),
  ],
);

export const mockStatuses = ['running', 'submitted', 'timed_out'] as const;
export type MockStatus = (typeof mockStatuses)[number];

/** A member's timed mock exam (src/mock). At most one running per member and server. */
export const mockExams = sqliteTable(
  'mock_exams',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id')
      .notNull()
      .references(() => guilds.id),
    userId: text('user_id').notNull(),
    status: text('status', { enum: mockStatuses }).notNull().default('running'),
    startedAt: integer('started_at').notNull(),
    /** Server clock; going away does not pause it. */
    deadlineAt: integer('deadline_at').notNull(),
    finishedAt: integer('finished_at'),
    correct: integer('correct'),
    total: integer('total').notNull(),
    scaledScore: integer('scaled_score'),
  },
  (t) => [
    uniqueIndex('mock_exams_one_running')
      .on(t.guildId, t.userId)
      .where(sql`${t.status} = 'running'`),
    index('mock_exams_member').on(t.guildId, t.userId, t.startedAt),
  ],
);

/** The items of a mock in order, with the member's current choice and review flag. */
export const mockItems = sqliteTable(
  'mock_items',
  {
    mockId: integer('mock_id')
      .notNull()
      .references(() => mockExams.id),
    position: integer('position').notNull(),
    questionId: text('question_id').notNull(),
    /** Stored choice ('2,0') or null while unanswered. */
    choice: text('choice'),
    flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.mockId, t.position] })],
);
