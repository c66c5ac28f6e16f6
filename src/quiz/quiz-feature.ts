import type { Client } from 'discord.js';
import type { AppContext } from '../discord/types';
import type { Feature } from '../app/feature';
import { restChannelPort, type QuizChannelPort } from './channel-port';
import { answerBatcherFor, type AnswerBatcher } from './answer-batcher';
import { RoundRunner } from './round-runner';
import { timerScheduler, type Scheduler } from './scheduler';

export const NEXT_QUESTION_DELAY_MS = 4000;

/** The quiz services of each running bot, found by its client (commands and buttons only get the context). */
const runners = new WeakMap<Client, RoundRunner>();

export function roundRunnerFor(ctx: Pick<AppContext, 'client'>): RoundRunner | undefined {
  return runners.get(ctx.client);
}

export interface QuizFeatureOptions {
  /** Defaults to setTimeout on ctx.now; tests pass a ManualScheduler. */
  scheduler?: (ctx: AppContext) => Scheduler;
  port?: (ctx: AppContext) => QuizChannelPort;
  nextQuestionDelayMs?: number;
}

/**
 * Group quiz rounds. On start, every round SQLite says is running is carried on (or revealed and closed
 * when its deadline passed while the bot was down); on stop, timers are dropped and rounds stay running
 * in SQLite for the next start.
 */
export function createQuizFeature(options: QuizFeatureOptions = {}): Feature {
  let running: RoundRunner | undefined;
  let answers: AnswerBatcher | undefined;
  let client: Client | undefined;
  return {
    name: 'quiz',
    async start(ctx) {
      client = ctx.client;
      const batcher = answerBatcherFor(ctx.db, ctx.deck.questionById);
      answers = batcher;
      const runner = new RoundRunner({
        db: ctx.db,
        questionById: ctx.deck.questionById,
        port: options.port?.(ctx) ?? restChannelPort(ctx.client),
        scheduler: options.scheduler?.(ctx) ?? timerScheduler(ctx.now),
        now: ctx.now,
        logger: ctx.logger.child({ feature: 'quiz' }),
        nextQuestionDelayMs: options.nextQuestionDelayMs ?? NEXT_QUESTION_DELAY_MS,
        settleAnswers: () => batcher.settled(),
      });
      running = runner;
      runners.set(ctx.client, runner);
      await runner.resumeAll();
    },
    async stop() {
      if (client) runners.delete(client);
      await running?.shutdown();
      // Clicks accepted just before the stop still reach the disk before the database closes.
      await answers?.settled();
    },
  };
}
