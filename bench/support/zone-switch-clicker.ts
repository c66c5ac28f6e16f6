// The leaderboard bench's members answering during a time-zone switch, on a thread with its own SQLite
// connection, as the bot's answer thread records clicks (src/quiz/answer-thread.ts).
// workerData: SwitchClicksOptions & { path }; message 'stop' → { clicks, longestMs }.
import { parentPort, workerData } from 'node:worker_threads';
import { createAnswerStore } from '../../src/answers/answer-store';
import { closeDatabase, openConnection } from '../../src/db/database';
import { writeWhenFree } from '../../src/db/write-when-free';
import { startSwitchClicks, type SwitchClicksOptions } from './zone-switch-clicks';

const { path, ...options } = workerData as SwitchClicksOptions & { path: string };
const db = openConnection(path);
// As the bot's answer thread: checkpoints are the checkpoint thread's.
db.$client.pragma('wal_autocheckpoint = 0');
// As the answer thread decides a batch (src/quiz/decide-batch.ts): the lock waited for on this thread's loop.
const clicks = startSwitchClicks(
  { db, stores: { answers: createAnswerStore(db) } },
  (record) => writeWhenFree(db, record),
  options,
);

parentPort!.once('message', () => {
  const figures = clicks.stop();
  closeDatabase(db);
  parentPort!.postMessage(figures);
});
