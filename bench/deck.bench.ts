import { readFileSync } from 'node:fs';
import { buildDeck } from '../src/deck/build';
import { DEFAULT_NOTES_PATH } from '../src/deck/index';

const RUNS = Number(process.env.DECK_BENCH_RUNS ?? 10);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Builds the deck from the shipped notes RUNS times (after one warm-up) and prints time and heap. */
export async function run(): Promise<void> {
  const notes = readFileSync(DEFAULT_NOTES_PATH, 'utf8');
  const file = 'data/notes/aif-c01.pt-BR.md';
  const first = performance.now();
  const deck = buildDeck(notes, { file });
  const cold = performance.now() - first;
  const times: number[] = [];
  let heapPeak = process.memoryUsage().heapUsed;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    buildDeck(notes, { file });
    times.push(performance.now() - start);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  times.sort((a, b) => a - b);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(
    `deck build: ${deck.questions.length} questions, ${deck.services.length} cards · ` +
      `cold ${cold.toFixed(0)} ms · median ${percentile(times, 50).toFixed(0)} ms · p95 ${percentile(times, 95).toFixed(0)} ms ` +
      `(${RUNS} runs) · heap used ${mb(process.memoryUsage().heapUsed)} MB (peak seen ${mb(heapPeak)} MB)`,
  );
}
