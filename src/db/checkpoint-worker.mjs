// Runs SQLite WAL checkpoints on their own thread and connection (see wal-checkpointer.ts). Plain
// JavaScript so the thread needs no TypeScript loader.
/* global setTimeout, clearTimeout */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, intervalMs } = workerData;
/** Frames (pages) in the WAL past which passes follow each other closely: a burst of writes. */
const BURST_FRAMES = 2048;
const BURST_INTERVAL_MS = 50;
const db = new Database(path);
db.pragma('busy_timeout = 5000');

let timer;
const checkpoint = () => {
  // PASSIVE never waits for readers or writers: it copies what it can and leaves the rest for next time.
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  const log = result?.log ?? 0;
  const checkpointed = result?.checkpointed ?? 0;
  // `caught up`: every frame written before this pass is in the main file, so the next write can start
  // the log over (wal-room.ts waits for this when a long writer has grown the WAL past its limit).
  parentPort.postMessage({ type: 'pass', caughtUp: checkpointed >= log });
  // During a burst (a standings rebuild) the copy keeps pace with the writer; a pass with nothing new to
  // copy costs next to nothing.
  const burst = log >= BURST_FRAMES || checkpointed < log;
  timer = setTimeout(checkpoint, burst ? BURST_INTERVAL_MS : intervalMs);
};
timer = setTimeout(checkpoint, intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearTimeout(timer);
  db.close();
  parentPort.postMessage({ type: 'closed' });
});
