import { parentPort, workerData } from 'node:worker_threads';
import { closeDatabase, openDatabase } from '../db/database';
import type { Question } from '../deck/types';
import { AnswerBatcher } from './answer-batcher';
import type { SubmitInput } from './submit-answer';

// The answer writer thread: its own connection to the same SQLite file (WAL: readers on the main
// thread see each batch once committed), group-committing clicks like the main-thread batcher.
const { databasePath, questions } = workerData as { databasePath: string; questions: Question[] };
const db = openDatabase(databasePath);
const batcher = new AnswerBatcher(db, new Map(questions.map((q) => [q.id, q])));

parentPort!.on('message', (message: { id: number; now: number; input: SubmitInput } | 'close') => {
  if (message === 'close') {
    // Reached only once the main thread has no click pending here.
    closeDatabase(db);
    process.exit(0);
  }
  batcher.submit(message.now, message.input).then(
    (result) => parentPort!.postMessage({ id: message.id, result }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: String(error) }),
  );
});
