// Worker threads do not inherit tsx's loader on Node 20: register it for this thread, then load the
// TypeScript worker.
import { tsImport } from 'tsx/esm/api';

await tsImport('./answer-worker.ts', import.meta.url);
