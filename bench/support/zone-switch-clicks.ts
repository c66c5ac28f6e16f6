// The leaderboard bench's members answering during a time-zone switch: one answer every `intervalMs`
// through the real answer path (recordAnswer) into the server being switched. Run on a thread of its own
// (zone-switch-clicker.ts, as the bot's answer thread records clicks) or on the bench's event loop.
import type { AnswerStore } from '../../src/answers/answer-store';
import { recordAnswer } from '../../src/answers/record-answer';
import type { Db } from '../../src/db/database';
import { seededRandom } from '../../src/deck/random';

export interface SwitchClicksOptions {
  guildId: string;
  members: number;
  answeredFrom: number;
  intervalMs: number;
}

/**
 * Starts the answers; `write` runs each one's transaction (and may wait for the lock). `stop()` ends them
 * and says how many were written and the longest one took, from its timer to its commit.
 */
export function startSwitchClicks(
  data: { db: Db; stores: { answers: AnswerStore } },
  write: (record: () => void) => void | Promise<void>,
  { guildId, members, answeredFrom, intervalMs }: SwitchClicksOptions,
): { stop(): { clicks: number; longestMs: number } } {
  const random = seededRandom('switch');
  let clicks = 0;
  let longestMs = 0;
  const timer = setInterval(() => {
    clicks += 1;
    const click = clicks;
    const started = performance.now();
    const record = () => {
      recordAnswer(data, {
        guildId,
        userId: `user-${Math.floor(random() * members)}`,
        questionId: `switch-q${click}`,
        kind: 'round',
        choice: [0],
        correct: true,
        responseMs: 4000,
        points: 600,
        domain: 1,
        topic: 'topic-1-0',
        answeredAt: answeredFrom + click,
      });
    };
    void Promise.resolve(write(record)).then(() => {
      longestMs = Math.max(longestMs, performance.now() - started);
    });
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { clicks, longestMs };
    },
  };
}
