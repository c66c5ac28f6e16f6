// The answer thread's own side (see answer-thread.ts): decides batches of clicks on its own SQLite
// connection, so the event loop that answers Discord never runs the click's SQL or waits on its locks.
import { parentPort, workerData } from 'node:worker_threads';
import { createAnswerStore } from '../answers/answer-store';
import { closeDatabase, openConnection } from '../db/database';
import type { Question } from '../deck/types';
import { toWire } from '../shared/wire-error';
import { decideBatch, type Click } from './decide-batch';
import { createRoundStore } from './round-store';
import type { ThreadReply, ThreadRequest, WorkerSetup } from './answer-wire';

const { path, questions, autoCheckpoint } = workerData as WorkerSetup;
const port = parentPort!;
const db = openConnection(path);
// The checkpoint thread copies the WAL back (src/db/wal-checkpointer.ts); without it, this connection
// checkpoints as SQLite does by default.
if (!autoCheckpoint) db.$client.pragma('wal_autocheckpoint = 0');
const data = { db, stores: { rounds: createRoundStore(db), answers: createAnswerStore(db) } };
const questionById = new Map<string, Question>(questions.map((q) => [q.id, q]));

const reply = (message: ThreadReply) => port.postMessage(message);

port.on('message', (request: ThreadRequest) => {
  switch (request.type) {
    case 'batch': {
      // The lock is waited for on this thread's event loop: in SQLite's busy handler a click lost every
      // race to a time-zone switch's slices, which retry every 2 ms (1.2 s waits on the bench).
      const { id } = request;
      decideBatch(data, questionById, request.clicks as Click[]).then(
        (outcomes) =>
          reply({
            type: 'decided',
            id,
            outcomes: outcomes.map((o) => (o.ok ? o : { ok: false, error: toWire(o.error) })),
          }),
        (error: unknown) => reply({ type: 'failed', id, error: toWire(error) }),
      );
      return;
    }
    case 'auto-checkpoint':
      db.$client.pragma('wal_autocheckpoint = 1000');
      return;
    case 'close':
      closeDatabase(db);
      reply({ type: 'closed' });
      port.close();
  }
});
// Before this, the thread has decided nothing: if it dies first, its clicks can go elsewhere untouched.
reply({ type: 'ready' });
