import type { Db } from '../db/database';
import type { ExamDomain, Question } from '../deck/types';
import { ensureGuild } from '../guilds/guild-settings';
import { selectQuestions } from './question-selection';
import { createRound, findRunningRound, lastPlayedAt, roundQuestionAt, type RoundRow } from './round-store';

export interface StartRoundInput {
  guildId: string;
  channelId: string;
  starterId: string;
  locale: string;
  questionCount: number;
  secondsPerQuestion: number;
  topic: string | null;
  domain: ExamDomain | null;
}

export type StartRoundResult =
  | { kind: 'started'; round: RoundRow }
  | { kind: 'running'; round: RoundRow; link: string }
  | { kind: 'unknown-topic' }
  | { kind: 'too-few'; available: number };

/** Where members jump to see a running round: its current question, or the channel before it is posted. */
export function roundLink(db: Db, round: RoundRow): string {
  const messageId = roundQuestionAt(db, round.id, round.currentPosition)?.messageId;
  return `https://discord.com/channels/${round.guildId}/${round.channelId}${messageId ? `/${messageId}` : ''}`;
}

/** Checks the channel, the filter and the deck, then records the round with its questions. */
export function startRound(
  deps: {
    db: Db;
    questions: readonly Question[];
    topics: readonly string[];
    defaultTimezone: string;
    now: number;
    random: () => number;
  },
  input: StartRoundInput,
): StartRoundResult {
  const { db } = deps;
  const running = findRunningRound(db, input.channelId);
  if (running) return { kind: 'running', round: running, link: roundLink(db, running) };
  if (input.topic !== null && !deps.topics.includes(input.topic)) return { kind: 'unknown-topic' };

  ensureGuild(db, input.guildId, deps.defaultTimezone, deps.now);
  const selection = selectQuestions({
    pool: deps.questions,
    count: input.questionCount,
    filter: { topic: input.topic, domain: input.domain },
    lastPlayedAt: lastPlayedAt(db, input.guildId),
    random: deps.random,
  });
  if (!selection.ok) return { kind: 'too-few', available: selection.available };

  const created = createRound(db, {
    guildId: input.guildId,
    channelId: input.channelId,
    starterId: input.starterId,
    locale: input.locale,
    secondsPerQuestion: input.secondsPerQuestion,
    topic: input.topic,
    domain: input.domain,
    questionIds: selection.questions.map((q) => q.id),
    now: deps.now,
  });
  if (!created.ok) return { kind: 'running', round: created.running, link: roundLink(db, created.running) };
  return { kind: 'started', round: created.round };
}
