import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository's root folder: the nearest folder above this module with a package.json. The same
 * code runs from src/ (tsx, vitest) and bundled into dist/ (`npm start`), so files that ship beside the
 * code (data/, drizzle/, src/sandbox/web/public) are found from the root, never from the module's own
 * folder, whose depth differs between the two.
 */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);

/** A path under the repository's root, e.g. projectPath('data', 'items'). */
export const projectPath = (...parts: string[]): string => join(PROJECT_ROOT, ...parts);
