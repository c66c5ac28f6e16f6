import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDeck } from '../src/deck/build';
import { folderCache } from '../src/deck/cache';
import { DEFAULT_NOTES_PATH, loadDeck } from '../src/deck/index';

const RUNS = Number(process.env.DECK_BENCH_RUNS ?? 10);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function timed(runs: number, work: () => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const ms = (times: number[]) =>
  `median ${percentile(times, 50).toFixed(1)} ms · p95 ${percentile(times, 95).toFixed(1)} ms`;

/**
 * The deck as the bot gets it at start-up, built (notes + item bank, generated and linted) and from the
 * on-disk cache (key over every input, read, schema-checked). Aim: ≤ 150 ms for what start-up pays.
 */
export async function run(): Promise<void> {
  const notes = readFileSync(DEFAULT_NOTES_PATH, 'utf8');
  const file = 'data/notes/aif-c01.pt-BR.md';
  const first = performance.now();
  const deck = buildDeck(notes, { file });
  const cold = performance.now() - first;
  const built = timed(RUNS, () => buildDeck(notes, { file }));

  const cache = folderCache(mkdtempSync(join(tmpdir(), 'deck-bench-')));
  loadDeck(DEFAULT_NOTES_PATH, cache); // fills the cache
  const cached = timed(RUNS, () => loadDeck(DEFAULT_NOTES_PATH, cache));
  const exam = deck.questions.filter((q) => q.tier === 'exam').length;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(
    `deck: ${exam} exam items + ${deck.questions.length - exam} drill questions, ${deck.services.length} cards`,
  );
  console.log(`  build (no cache): cold ${cold.toFixed(0)} ms · ${ms(built)} (${RUNS} runs)`);
  console.log(`  cached load (what start-up pays when nothing changed): ${ms(cached)} (${RUNS} runs)`);
  console.log(`  heap used ${mb(process.memoryUsage().heapUsed)} MB`);
}
