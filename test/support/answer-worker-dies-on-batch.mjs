// An answer thread that opens fine and dies on its first batch, as a crash mid-commit would
// (test/quiz/answer-thread.test.ts): whether that batch is on disk is unknown to the bot.
/* global process */
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (request) => {
  if (request.type === 'batch') process.exit(3);
});
parentPort.postMessage({ type: 'ready' });
