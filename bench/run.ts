import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Runs every bench/*.bench.ts (or only those named on the command line) in turn; each prints its figures. */
const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

for (const file of files) {
  console.log(`\n## ${file}`);
  const bench = (await import(pathToFileURL(`${here}/${file}`).href)) as { run: () => Promise<void> };
  await bench.run();
}
