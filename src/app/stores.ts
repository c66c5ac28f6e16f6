import { createAnswerStore } from '../answers/answer-store';
import { createDailyPostStore } from '../daily/daily-post-store';
import type { Db } from '../db/database';
import { createRebuildStore } from '../leaderboard/rebuild-store';
import { createStandingsQueries } from '../leaderboard/standings-queries';
import { createMockStore } from '../mock/mock-store';
import { createCardStore } from '../practice/card-store';
import { createSessionStore } from '../practice/session-store';
import { createRoundStore } from '../quiz/round-store';

/**
 * Every feature's prepared statements (`createXStore(db)`), built once per database by the composition
 * root and carried on the app context as `ctx.stores`: plain functions are handed the ones they need.
 */
export function createStores(db: Db) {
  return {
    /** Answer events and the standings kept with them (the click path). */
    answers: createAnswerStore(db),
    /** Daily posts: today's rows, configured servers, open questions. */
    dailyPosts: createDailyPostStore(db),
    /** The member's FSRS cards (practice, readiness). */
    cards: createCardStore(db),
    /** The reads of `/leaderboard`. */
    leaderboard: createStandingsQueries(db),
    /** Mock exams and their items. */
    mocks: createMockStore(db),
    /** The time-zone switch's SQL (StandingsRebuilder). */
    rebuild: createRebuildStore(db),
    /** The quiz round click path's reads. */
    rounds: createRoundStore(db),
    /** Practice sessions and their items. */
    sessions: createSessionStore(db),
  };
}

export type Stores = ReturnType<typeof createStores>;
