// The rebuild thread's own side (see rebuild-thread.ts): one time-zone switch, run by the sliced rebuild
// on the thread's own SQLite connection, so no call of it, however slow the disk, holds the event loop
// that answers Discord. It closes its connection before it says how the switch ended, then exits.
import { parentPort, workerData } from 'node:worker_threads';
import { closeDatabase, openConnection } from '../db/database';
import { createWalRoom } from '../db/wal-room';
import { toWire } from '../shared/wire-error';
import { createRebuildStore } from './rebuild-store';
import type { RebuildReply, RebuildRequest, RebuildSetup } from './rebuild-wire';
import { RebuildStopped, rebuildStandingsInSlices, yieldToEventLoop } from './sliced-rebuild';

const { path, guildId, timeZone, sliceSize, sliceBudgetMs, autoCheckpoint, walLimitBytes } =
  workerData as RebuildSetup;
const port = parentPort!;
const reply = (message: RebuildReply) => port.postMessage(message);

const db = openConnection(path);
// The checkpoint thread copies the WAL back (src/db/wal-checkpointer.ts); without it, this connection
// checkpoints as SQLite does by default.
if (!autoCheckpoint) db.$client.pragma('wal_autocheckpoint = 0');
const stopping = new AbortController();
const caughtUp = new Map<number, () => void>();
let nextWait = 1;
// The checkpoint thread belongs to the main thread: it is asked there, and says when it has caught up.
const walRoom = createWalRoom(
  db,
  autoCheckpoint
    ? undefined
    : {
        caughtUp: () =>
          new Promise<void>((resolve) => {
            const id = nextWait++;
            caughtUp.set(id, resolve);
            reply({ type: 'wal-wait', id });
          }),
      },
  walLimitBytes !== undefined ? { limitBytes: walLimitBytes } : {},
);

port.on('message', (request: RebuildRequest) => {
  if (request.type === 'stop') stopping.abort();
  else {
    caughtUp.get(request.id)?.();
    caughtUp.delete(request.id);
  }
});
reply({ type: 'ready' });

let ending: RebuildReply;
try {
  const result = await rebuildStandingsInSlices(
    { db, stores: { rebuild: createRebuildStore(db) } },
    guildId,
    {
      timeZone,
      ...(sliceSize !== undefined ? { sliceSize } : {}),
      ...(sliceBudgetMs !== undefined ? { sliceBudgetMs } : {}),
      // Messages (a stop, the checkpoint thread's word) are heard between slices.
      pause: async () => {
        await yieldToEventLoop();
        await walRoom.wait();
      },
      signal: stopping.signal,
    },
  );
  ending = { type: 'done', result };
} catch (error) {
  ending = { type: 'failed', stopped: error instanceof RebuildStopped, error: toWire(error) };
} finally {
  closeDatabase(db);
}
reply(ending!);
port.close();
