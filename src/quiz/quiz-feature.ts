import type { AppContext } from '../app/context';
import type { Feature } from '../app/feature';
import { restChannelPort, type QuizChannelPort } from './channel-port';
import { RoundRunner } from './round-runner';
import { timerScheduler, type Scheduler } from './scheduler';

export const NEXT_QUESTION_DELAY_MS = 4000;

export interface QuizFeatureOptions {
  /** Defaults to setTimeout on ctx.now; tests pass a ManualScheduler. */
  scheduler?: (ctx: AppContext) => Scheduler;
  port?: (ctx: AppContext) => QuizChannelPort;
  nextQuestionDelayMs?: number;
}

/**
 * Group quiz rounds. On start, the round runner goes on the context (`ctx.quiz.rounds`) and every round
 * SQLite says is running is carried on (or revealed and closed when its deadline passed while the bot
 * was down); on stop, timers are dropped and rounds stay running in SQLite for the next start.
 */
export function createQuizFeature(options: QuizFeatureOptions = {}): Feature {
  let started: { ctx: AppContext; runner: RoundRunner } | undefined;
  return {
    name: 'quiz',
    async start(ctx) {
      const answers = ctx.quiz.answers;
      const runner = new RoundRunner({
        db: ctx.db,
        questionById: ctx.deck.questionById,
        port: options.port?.(ctx) ?? restChannelPort(ctx.client),
        scheduler: options.scheduler?.(ctx) ?? timerScheduler(ctx.now),
        now: ctx.now,
        logger: ctx.logger.child({ feature: 'quiz' }),
        nextQuestionDelayMs: options.nextQuestionDelayMs ?? NEXT_QUESTION_DELAY_MS,
        settleAnswers: () => answers.settled(),
        ownsGuild: ctx.ownsGuild,
      });
      started = { ctx, runner };
      ctx.quiz.rounds = runner;
      await runner.resumeAll();
    },
    async stop() {
      if (!started) return;
      const { ctx, runner } = started;
      // From here /quiz and the stop button answer "unavailable" instead of reaching a stopped runner.
      ctx.quiz.rounds = undefined;
      await runner.shutdown();
    },
  };
}
