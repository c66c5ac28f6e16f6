// A rebuild thread that opens fine and dies before it says how the switch ended, as a crash mid-rebuild
// would (test/leaderboard/rebuild-thread.test.ts).
/* global process, setTimeout */
import { parentPort } from 'node:worker_threads';

parentPort.postMessage({ type: 'ready' });
setTimeout(() => process.exit(3), 20);
