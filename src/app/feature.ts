import type { AppContext } from './context';

/**
 * Background work that lives as long as the bot: started once the client is ready (resuming rounds,
 * the daily cron), stopped before the client is destroyed and the database closed.
 */
export interface Feature {
  name: string;
  start(ctx: AppContext): void | Promise<void>;
  stop(): void | Promise<void>;
}
