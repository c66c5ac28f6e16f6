// Runs SQLite WAL checkpoints on their own thread and connection (see wal-checkpointer.ts). Plain
// JavaScript so the thread needs no TypeScript loader.
/* global setTimeout, clearTimeout */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, intervalMs, restartFrames } = workerData;
/** Frames (pages) in the WAL past which passes follow each other closely: a burst of writes. */
const BURST_FRAMES = 2048;
const BURST_INTERVAL_MS = 50;
const db = new Database(path);
db.pragma('busy_timeout = 5000');

/**
 * `restartFrames` (wal-checkpointer.ts: 64 MiB of 4 KiB pages): past this, a pass ends with a RESTART. A PASSIVE pass copies up to the
 * frame the log had when it began; under steady writes (a click every few ms) some always land during
 * the pass, and the log starts over only when a writer begins with none left to copy, so it never
 * does: the WAL grew to 68 GB in a bench run. RESTART copies those last frames with writers held back
 * (after a PASSIVE pass they are few: milliseconds) and lets the next writer start the log over.
 */
let timer;
const checkpoint = () => {
  // PASSIVE never waits for readers or writers: it copies what it can and leaves the rest for next time.
  let [result] = db.pragma('wal_checkpoint(PASSIVE)');
  if ((result?.log ?? 0) >= restartFrames) {
    // No busy wait: RESTART holds writers back while it waits, and a wait is sleeps of up to 100 ms that
    // every click would sit through. Without one it goes ahead only when no writer or reader is in the
    // way at that instant (a busy log is tried again in 50 ms).
    db.pragma('busy_timeout = 0');
    [result] = db.pragma('wal_checkpoint(RESTART)');
    db.pragma('busy_timeout = 5000');
  }
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
