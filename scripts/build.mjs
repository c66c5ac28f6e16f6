// Compiles the bot's entry points into dist/ (ESM for Node 20), so `npm start` runs plain JavaScript
// instead of compiling TypeScript through tsx at every start. Runs before start, register, backup and
// sandbox (npm's pre-scripts) and in the Dockerfile; well under a second.
//
// node_modules stay external (imported at run time as usual); code shared between entry points goes in
// dist/chunks/, and dynamic imports stay lazy (the sandbox loads only when it is chosen). Files are
// written only when their content changed, each through a rename, so a bot already running from dist/
// (a test, a second terminal) never reads a half-written file.
/* global process */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'dist');

/**
 * Each is run as `node dist/<name>.js`, but the threads the bot starts: the answer thread
 * (src/quiz/answer-thread.ts) and the time-zone switch's (src/leaderboard/rebuild-thread.ts).
 */
export const ENTRY_POINTS = [
  'src/main.ts',
  'src/cli/register.ts',
  'src/cli/backup.ts',
  'src/sandbox/main.ts',
  'src/quiz/answer-worker.ts',
  'src/leaderboard/rebuild-worker.ts',
];

function filesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

function sameContent(path, contents) {
  try {
    return readFileSync(path).equals(contents);
  } catch {
    return false;
  }
}

/**
 * How the bot is bundled: ESM for Node 20, node_modules external, shared chunks, source maps without the
 * sources' text. The benchmarks' child processes are bundled with the same (bench/support/client-child.ts).
 */
export const BUNDLE_OPTIONS = {
  absWorkingDir: ROOT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  // --enable-source-maps keeps every map it reads in memory: mappings and file names are all a stack
  // trace needs (src/ ships beside dist/ for the source line); the sources' text was ~2 MiB of heap.
  sourcesContent: false,
  tsconfig: join(ROOT, 'tsconfig.json'),
  logLevel: 'warning',
};

/** Builds dist/; returns how many files were written (0 when dist/ was already up to date). */
export async function buildDist() {
  const result = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: ENTRY_POINTS,
    outdir: OUT_DIR,
    outbase: 'src',
    write: false,
  });
  const wanted = new Set(result.outputFiles.map((file) => file.path));
  let written = 0;
  for (const file of result.outputFiles) {
    if (sameContent(file.path, file.contents)) continue;
    mkdirSync(dirname(file.path), { recursive: true });
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
    written++;
  }
  // Chunks of an earlier build (their names carry a content hash).
  for (const path of filesUnder(OUT_DIR)) if (!wanted.has(path)) rmSync(path);
  return { written, files: [...wanted].map((path) => relative(ROOT, path)) };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { written, files } = await buildDist();
  if (process.argv.includes('--verbose'))
    process.stdout.write(`dist/: ${files.length} files, ${written} written\n`);
}
