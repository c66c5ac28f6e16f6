import type { Db } from '../db/database';
import { createRebuildStore } from '../leaderboard/rebuild-store';
import { createStandingsQueries } from '../leaderboard/standings-queries';

/**
 * Every feature's prepared statements (`createXStore(db)`), built once per database by the composition
 * root and carried on the app context as `ctx.stores`: plain functions are handed the ones they need.
 */
export function createStores(db: Db) {
  return {
    /** The reads of `/leaderboard`. */
    leaderboard: createStandingsQueries(db),
    /** The time-zone switch's SQL (StandingsRebuilder). */
    rebuild: createRebuildStore(db),
  };
}

export type Stores = ReturnType<typeof createStores>;
