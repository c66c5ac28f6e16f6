import cron, { type ScheduledTask } from 'node-cron';
import type { Feature } from '../app/feature';
import { checkDailyChannels } from './channel-check';
import { runDailyTick, type DailyTickContext } from './daily-tick';
import { discordSender } from './sender';

/**
 * The daily posts: a node-cron job ticks every minute (skipping a tick while the previous one still
 * runs) and once right at start-up, to catch up a post missed while the bot was down. All the rules
 * live in {@link runDailyTick}; the database decides what has already gone out.
 */
export function dailyPostsFeature(): Feature {
  let task: ScheduledTask | undefined;
  let running: Promise<unknown> = Promise.resolve();

  return {
    name: 'daily-posts',
    start(ctx) {
      const tickContext: DailyTickContext = {
        db: ctx.db,
        stores: ctx.stores,
        deck: ctx.deck,
        logger: ctx.logger.child({ feature: 'daily-posts' }),
        sender: discordSender(ctx.client),
        ownsGuild: ctx.ownsGuild,
      };
      let busy = false;
      // Overlapping ticks would be harmless (the database decides), but one at a time is calmer.
      const tick = async () => {
        if (busy) return;
        busy = true;
        running = runDailyTick(tickContext, ctx.now())
          .catch((error: unknown) => tickContext.logger.error({ err: error }, 'daily tick failed'))
          .finally(() => (busy = false));
        await running;
      };
      // node-cron 4 starts the task on schedule(); noOverlap skips a tick while one is still running.
      const log = tickContext.logger;
      task = cron.schedule('* * * * *', tick, {
        name: 'daily-posts',
        noOverlap: true,
        // node-cron's own notices (e.g. a missed run while the event loop was busy) go to pino, not stdout.
        logger: {
          info: (message) => log.debug({ source: 'node-cron' }, message),
          warn: (message) => log.warn({ source: 'node-cron' }, message),
          error: (message, err) => log.error({ source: 'node-cron', err: err ?? message }, String(message)),
          debug: (message) => log.debug({ source: 'node-cron' }, String(message)),
        },
      });
      checkDailyChannels(ctx.client, ctx.db, tickContext.logger);
      void tick();
    },
    async stop() {
      await task?.destroy();
      task = undefined;
      // Let an in-flight tick finish before the client and the database go away.
      await running;
    },
  };
}
