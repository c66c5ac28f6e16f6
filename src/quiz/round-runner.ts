import type { Db } from '../db/database';
import type { Question } from '../deck/types';
import { isChannelUnavailableError } from '../discord/discord-errors';
import { resolveLocale } from '../shared/i18n';
import type { Logger } from '../shared/logger';
import type { QuizChannelPort } from './channel-port';
import { renderPodium, renderQuestion, renderReveal } from './render';
import { rankPodium } from './scoring';
import {
  answersForQuestion,
  endRound,
  getRound,
  markOpened,
  markRevealed,
  roundQuestionAt,
  roundQuestionList,
  roundTotals,
  runningRounds,
  setMessageId,
  unrevealedInEndedRounds,
} from './round-store';
import { parseStoredChoice, resumeStep } from './round-rules';
import type { Scheduler } from './scheduler';

export interface RunnerDeps {
  db: Db;
  questionById: ReadonlyMap<string, Question>;
  port: QuizChannelPort;
  scheduler: Scheduler;
  now: () => number;
  logger: Logger;
  /** Pause between a reveal and the next question, so people can read the explanation. */
  nextQuestionDelayMs: number;
  /** Waits for answer clicks still being written (they were accepted before the deadline). */
  settleAnswers?: () => Promise<void>;
  /** With shards, each process resumes the rounds of its own guilds only. */
  ownsGuild?: (guildId: string) => boolean;
}

/**
 * Drives rounds through their questions. Every decision is read from SQLite and every step is written
 * back before the next one, so the in-memory part (timers, per-round queues) can be thrown away at any
 * moment and rebuilt by `resumeAll()`. Work on one round is serialised through its queue, so a deadline
 * and a stop cannot reveal the same question twice.
 */
export class RoundRunner {
  private readonly timers = new Map<number, () => void>();
  private readonly queues = new Map<number, Promise<void>>();
  private shuttingDown = false;

  constructor(private readonly deps: RunnerDeps) {}

  /** A freshly created round: open its first question. */
  begin(roundId: number): Promise<void> {
    return this.enqueue(roundId, () => this.open(roundId, 0));
  }

  /** After a start: carry every running round on, and finish reveals that ended rounds never got. */
  async resumeAll(): Promise<void> {
    const work: Promise<void>[] = [];
    const ours = (guildId: string) => this.deps.ownsGuild?.(guildId) ?? true;
    for (const { round, question } of unrevealedInEndedRounds(this.deps.db)) {
      if (!ours(round.guildId)) continue;
      work.push(this.enqueue(round.id, () => this.reveal(round.id, question.position, false)));
    }
    for (const round of runningRounds(this.deps.db)) {
      if (!ours(round.guildId)) continue;
      this.deps.logger.info({ roundId: round.id, channelId: round.channelId }, 'resuming quiz round');
      work.push(this.enqueue(round.id, () => this.resume(round.id)));
    }
    await Promise.all(work);
  }

  /**
   * Stops a running round: the status flips in SQLite at once (clicks are refused from here on), then the
   * current question is revealed and the podium of what was played is posted. False if it had already ended.
   */
  stop(roundId: number, stoppedBy: string): { stopped: boolean; done: Promise<void> } {
    if (!endRound(this.deps.db, roundId, 'stopped', this.deps.now(), stoppedBy)) {
      return { stopped: false, done: Promise.resolve() };
    }
    this.cancelTimer(roundId);
    const done = this.enqueue(roundId, async () => {
      const round = getRound(this.deps.db, roundId);
      if (!round) return;
      const current = roundQuestionAt(this.deps.db, roundId, round.currentPosition);
      if (current?.messageId && current.revealedAt === null)
        await this.reveal(roundId, current.position, false);
      await this.postPodium(roundId);
    });
    return { stopped: true, done };
  }

  /** Drops timers and waits for work in flight; the rounds stay 'running' in SQLite for the next start. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    await Promise.allSettled([...this.queues.values()]);
  }

  private enqueue(roundId: number, task: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(roundId) ?? Promise.resolve();
    const next = previous
      .then(() => (this.shuttingDown ? undefined : task()))
      .catch((error: unknown) => {
        this.deps.logger.error({ err: error, roundId }, 'quiz round step failed');
        this.abandon(roundId, error);
      });
    this.queues.set(roundId, next);
    void next.finally(() => {
      if (this.queues.get(roundId) === next) this.queues.delete(roundId);
    });
    return next;
  }

  private schedule(roundId: number, at: number, task: () => Promise<void>): void {
    // A step that finishes during shutdown must not leave a timer behind; the next start resumes from SQLite.
    if (this.shuttingDown) return;
    this.cancelTimer(roundId);
    const cancel = this.deps.scheduler.at(at, () => {
      this.timers.delete(roundId);
      return this.enqueue(roundId, task);
    });
    this.timers.set(roundId, cancel);
  }

  private cancelTimer(roundId: number): void {
    this.timers.get(roundId)?.();
    this.timers.delete(roundId);
  }

  private async resume(roundId: number): Promise<void> {
    const round = getRound(this.deps.db, roundId);
    if (round?.status !== 'running') return;
    const step = resumeStep(
      round.currentPosition,
      round.questionCount,
      roundQuestionList(this.deps.db, roundId),
      this.deps.now(),
    );
    switch (step.kind) {
      case 'finish':
        return this.finish(roundId);
      case 'open':
        return this.open(roundId, step.position);
      case 'reveal':
        return this.reveal(roundId, step.position, true);
      case 'wait':
        return this.schedule(roundId, step.deadlineAt, () => this.onDeadline(roundId, step.position));
    }
  }

  private async open(roundId: number, position: number): Promise<void> {
    const { db, now } = this.deps;
    const round = getRound(db, roundId);
    if (round?.status !== 'running' || round.currentPosition !== position) return;
    if (position >= round.questionCount) return this.finish(roundId);
    const slot = roundQuestionAt(db, roundId, position);
    const question = slot ? this.deps.questionById.get(slot.questionId) : undefined;
    if (!question) {
      // The deck was rebuilt without this question since the round started: skip it.
      this.deps.logger.warn(
        { roundId, position, questionId: slot?.questionId },
        'round question left the deck',
      );
      markRevealed(db, roundId, position, now());
      return this.open(roundId, position + 1);
    }
    const openedAt = now();
    const deadlineAt = openedAt + round.secondsPerQuestion * 1000;
    // Deadline first, message second: a crash in between re-opens the question on the next start.
    markOpened(db, roundId, position, openedAt, deadlineAt);
    const payload = renderQuestion({
      roundId,
      position,
      total: round.questionCount,
      question,
      deadlineAt,
      locale: resolveLocale(round.locale),
    });
    const messageId = await this.deps.port.send(round.channelId, payload);
    setMessageId(db, roundId, position, messageId);
    this.schedule(roundId, deadlineAt, () => this.onDeadline(roundId, position));
  }

  private async onDeadline(roundId: number, position: number): Promise<void> {
    const slot = roundQuestionAt(this.deps.db, roundId, position);
    if (!slot || slot.deadlineAt === null) return;
    // A timer may fire a hair early against the wall clock; clicks are accepted until the deadline.
    if (this.deps.now() < slot.deadlineAt) {
      return this.schedule(roundId, slot.deadlineAt, () => this.onDeadline(roundId, position));
    }
    await this.reveal(roundId, position, true);
  }

  /** Edits the question into its answer, then (if `advance` and the round still runs) moves on. */
  private async reveal(roundId: number, position: number, advance: boolean): Promise<void> {
    const { db, now } = this.deps;
    const round = getRound(db, roundId);
    const slot = roundQuestionAt(db, roundId, position);
    if (!round || !slot) return;
    const question = this.deps.questionById.get(slot.questionId);
    if (slot.revealedAt === null && slot.messageId !== null && question) {
      await this.deps.settleAnswers?.();
      const answers = answersForQuestion(db, roundId, question.id).map((a) => ({
        userId: a.userId,
        choice: parseStoredChoice(a.choice),
        correct: a.correct,
        points: a.points,
        responseMs: a.responseMs,
      }));
      const payload = renderReveal({
        roundId,
        position,
        total: round.questionCount,
        question,
        deadlineAt: slot.deadlineAt ?? now(),
        locale: resolveLocale(round.locale),
        answers,
      });
      try {
        await this.deps.port.edit(round.channelId, slot.messageId, payload);
      } catch (error) {
        if (isChannelUnavailableError(error)) {
          // Nothing can be shown there any more: record the question as done so no later start retries it.
          markRevealed(db, roundId, position, now());
          throw error;
        }
        // The message itself is gone (deleted by a moderator): the round can still go on.
        this.deps.logger.warn(
          { err: error, roundId, position },
          'could not edit the question with its answer',
        );
      }
    }
    markRevealed(db, roundId, position, now());
    if (!advance || getRound(db, roundId)?.status !== 'running') return;
    if (position + 1 >= round.questionCount) return this.finish(roundId);
    this.schedule(roundId, now() + this.deps.nextQuestionDelayMs, () => this.open(roundId, position + 1));
  }

  /** Every question played: the round is marked finished first (so it can never be stuck), then the podium. */
  private async finish(roundId: number): Promise<void> {
    if (!endRound(this.deps.db, roundId, 'finished', this.deps.now())) return;
    this.cancelTimer(roundId);
    await this.postPodium(roundId);
  }

  private async postPodium(roundId: number): Promise<void> {
    const round = getRound(this.deps.db, roundId);
    if (!round) return;
    const played = roundQuestionList(this.deps.db, roundId).filter(
      (q) => q.revealedAt !== null && q.messageId !== null,
    ).length;
    const payload = renderPodium({
      locale: resolveLocale(round.locale),
      standings: rankPodium(roundTotals(this.deps.db, roundId)),
      stopped: round.status === 'stopped',
      stoppedBy: round.stoppedBy,
      played,
      total: round.questionCount,
    });
    await this.deps.port.send(round.channelId, payload);
  }

  /**
   * A step failed (channel deleted, permissions taken away, Discord down): close the round rather than
   * leave the channel thinking one runs. Answers already recorded stay.
   */
  private abandon(roundId: number, error: unknown): void {
    this.cancelTimer(roundId);
    if (endRound(this.deps.db, roundId, 'stopped', this.deps.now())) {
      this.deps.logger.warn(
        { roundId, channelUnavailable: isChannelUnavailableError(error) },
        'quiz round closed: its channel cannot be used',
      );
    }
  }
}
