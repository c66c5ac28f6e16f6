import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * Vitest global setup: builds dist/ once per run, as `npm start` does before it starts, so the tests
 * that run an entry point as its own process (test/support/bot-process.ts) run the compiled bot.
 * The build writes only changed files, each through a rename: a bot already running from dist/ is safe.
 */
export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
}
