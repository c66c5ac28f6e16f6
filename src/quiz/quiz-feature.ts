import type { Client } from 'discord.js';
import type { AppContext } from '../discord/types';
import type { Feature } from '../features';
import { restChannelPort, type QuizChannelPort } from './channel-port';
import { inlineAnswerSink, type AnswerSink } from './answer-sink';
import { RoundRunner } from './round-runner';
import { timerScheduler, type Scheduler } from './scheduler';

export const NEXT_QUESTION_DELAY_MS = 4000;

interface QuizServices {
  runner: RoundRunner;
  answers: AnswerSink;
}

/** The quiz services of each running bot, found by its client (commands and buttons only get the context). */
const services = new WeakMap<Client, QuizServices>();

export function roundRunnerFor(ctx: Pick<AppContext, 'client'>): RoundRunner | undefined {
  return services.get(ctx.client)?.runner;
}

export function answerSinkFor(ctx: Pick<AppContext, 'client'>): AnswerSink | undefined {
  return services.get(ctx.client)?.answers;
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
  let running: QuizServices | undefined;
  let client: Client | undefined;
  return {
    name: 'quiz',
    async start(ctx) {
      client = ctx.client;
      const answers = inlineAnswerSink(ctx.db, ctx.deck.questionById);
      const runner = new RoundRunner({
        db: ctx.db,
        questionById: ctx.deck.questionById,
        port: options.port?.(ctx) ?? restChannelPort(ctx.client),
        scheduler: options.scheduler?.(ctx) ?? timerScheduler(ctx.now),
        now: ctx.now,
        logger: ctx.logger.child({ feature: 'quiz' }),
        nextQuestionDelayMs: options.nextQuestionDelayMs ?? NEXT_QUESTION_DELAY_MS,
        settleAnswers: () => answers.settled(),
      });
      running = { runner, answers };
      services.set(ctx.client, running);
      await runner.resumeAll();
    },
    async stop() {
      if (client) services.delete(client);
      await running?.runner.shutdown();
      await running?.answers.close();
    },
  };
}
