// Runs SQLite WAL checkpoints on their own thread and connection (see wal-checkpointer.ts). Plain
// JavaScript so the thread needs no TypeScript loader.
/* global setInterval, clearInterval */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, intervalMs } = workerData;
const db = new Database(path);
db.pragma('busy_timeout = 5000');

const timer = setInterval(() => {
  // PASSIVE never waits for readers or writers: it copies what it can and leaves the rest for next time.
  db.pragma('wal_checkpoint(PASSIVE)');
}, intervalMs);

parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage('closed');
});
