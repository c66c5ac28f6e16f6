import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface WorkerLocation {
  file: string;
  /** TypeScript (the bot runs from src/): the thread registers tsx's loader before loading it. */
  typescript: boolean;
}

/**
 * A worker's file, found from the module that starts it (`moduleUrl`, its import.meta.url): run from src/
 * (TypeScript, through tsx), `src/<folder>/<name>.ts`; bundled, the compiled `<folder>/<name>.js` in the
 * bundle's folder (scripts/build.mjs's entry points), where that module sits or in its chunks/ folder.
 */
export function findWorker(moduleUrl: string, folder: string, name: string): WorkerLocation | undefined {
  const here = fileURLToPath(moduleUrl);
  if (here.endsWith('.ts'))
    return { file: join(dirname(here), '..', folder, `${name}.ts`), typescript: true };
  const file = [join(dirname(here), folder), join(dirname(here), '..', folder)]
    .map((dir) => join(dir, `${name}.js`))
    .find((path) => existsSync(path));
  return file ? { file, typescript: false } : undefined;
}

/**
 * A thread running `location`: a compiled file as it is, a TypeScript one through tsx's loader (a worker
 * does not inherit `--import tsx`, and tsx is a dev dependency: only runs from src/ need it).
 */
export function startWorker(location: WorkerLocation, workerData: unknown): Worker {
  if (!location.typescript) return new Worker(location.file, { workerData });
  // tsx/esm/api's ESM build, beside the CommonJS one that require.resolve finds.
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const [api, file] = [tsxApi, location.file].map((path) => JSON.stringify(pathToFileURL(path).href));
  const bootstrap = `import(${api}).then(({ register }) => { register(); return import(${file}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
