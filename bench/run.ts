import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Runs every bench/*.bench.ts in name order: each exports `run(): Promise<void>`. */
const dir = fileURLToPath(new URL('.', import.meta.url));
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  const mod = (await import(new URL(file, import.meta.url).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') throw new Error(`${file} does not export run()`);
  console.log(`# ${file}`);
  await mod.run();
}
