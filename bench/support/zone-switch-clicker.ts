// The leaderboard bench's members answering during a time-zone switch: on a thread with its own SQLite
// connection, as the bot's answer thread records clicks (src/quiz/answer-thread.ts), one answer every
// `intervalMs` through the real answer path into the server being switched.
// workerData: { path, guildId, members, answeredFrom, intervalMs }; message 'stop' → { clicks }.
import { parentPort, workerData } from 'node:worker_threads';
import { createAnswerStore } from '../../src/answers/answer-store';
import { recordAnswer } from '../../src/answers/record-answer';
import { closeDatabase, openConnection } from '../../src/db/database';
import { seededRandom } from '../../src/deck/random';

const { path, guildId, members, answeredFrom, intervalMs } = workerData as {
  path: string;
  guildId: string;
  members: number;
  answeredFrom: number;
  intervalMs: number;
};
const db = openConnection(path);
// As the bot's answer thread: checkpoints are the checkpoint thread's.
db.$client.pragma('wal_autocheckpoint = 0');
const data = { db, stores: { answers: createAnswerStore(db) } };
const random = seededRandom('switch');
let clicks = 0;
const clicker = setInterval(() => {
  clicks += 1;
  recordAnswer(data, {
    guildId,
    userId: `user-${Math.floor(random() * members)}`,
    questionId: `switch-q${clicks}`,
    kind: 'round',
    choice: [0],
    correct: true,
    responseMs: 4000,
    points: 600,
    domain: 1,
    topic: 'topic-1-0',
    answeredAt: answeredFrom + clicks,
  });
}, intervalMs);

parentPort!.once('message', () => {
  clearInterval(clicker);
  closeDatabase(db);
  parentPort!.postMessage({ clicks });
});
