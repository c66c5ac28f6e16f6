import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStores } from '../src/app/stores';
import { closeDatabase, openDatabase } from '../src/db/database';
import { submitAnswer, type SubmitResult } from '../src/quiz/submit-answer';
import { makeQuestion } from '../test/quiz/fixtures';
import { seedRounds } from '../test/support/seed-rounds';

const MEMBERS = 200;
const QUESTIONS = 10;
/** 10 rounds of 10 questions, each answered by 200 members: 20,000 submits. */
const ROUNDS = 10;
const SUBMITS = ROUNDS * QUESTIONS * MEMBERS;
/** Clicks per transaction in the batched run, as the answer batcher groups a burst. */
const BATCH = 50;
const RUNS = 3;

const questions = Array.from({ length: QUESTIONS }, (_, i) => makeQuestion({ id: `bench-q${i}` }));
const questionById = new Map(questions.map((q) => [q.id, q]));

interface Sample {
  /** Wall-clock µs per submit. */
  wall: number;
  /** Process CPU µs (user + system) per submit: less moved by other processes on a shared machine. */
  cpu: number;
}

/** µs per submit over one fresh database: every submit is a new answer with its standings. */
function oneRun(batch: number): Sample {
  const dir = mkdtempSync(join(tmpdir(), 'exam-drill-bench-'));
  const db = openDatabase(join(dir, 'bench.sqlite'));
  const data = { db, stores: createStores(db) };
  try {
    let elapsed = 0;
    let cpu = 0;
    const openQuestions = seedRounds(db, {
      guildId: 'bench-guild',
      channelPrefix: 'channel-',
      questions,
      startAt: Date.UTC(2026, 0, 1, 12),
      timeZone: 'America/Sao_Paulo',
      rounds: ROUNDS,
    });
    for (const { roundId, position, openedAt } of openQuestions) {
      const submit = (member: number): SubmitResult =>
        // Members spread over the options: some right (streaks), most wrong.
        submitAnswer(data, questionById, openedAt + 1 + member, {
          roundId,
          position,
          userId: `user-${member}`,
          input: { button: (member + position) % 4 },
        });
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      for (let member = 0; member < MEMBERS; member += batch) {
        const size = Math.min(batch, MEMBERS - member);
        const results =
          size === 1
            ? [submit(member)]
            : db.transaction(() => Array.from({ length: size }, (_, k) => submit(member + k)));
        const refused = results.find((result) => result.kind !== 'registered');
        if (refused) throw new Error(`a submit was not registered: ${refused.kind}`);
      }
      elapsed += performance.now() - started;
      const used = process.cpuUsage(cpuBefore);
      cpu += used.user + used.system;
    }
    return { wall: (elapsed * 1000) / SUBMITS, cpu: cpu / SUBMITS };
  } finally {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}

function measure(batch: number, label: string): string {
  const samples = Array.from({ length: RUNS }, () => oneRun(batch));
  const best = (key: keyof Sample) => Math.min(...samples.map((sample) => sample[key])).toFixed(1);
  const median = (key: keyof Sample) => {
    const sorted = samples.map((sample) => sample[key]).sort((x, y) => x - y);
    return sorted[Math.floor(RUNS / 2)]!.toFixed(1);
  };
  return `${label}: wall best ${best('wall')} µs, median ${median('wall')} µs · CPU best ${best('cpu')} µs, median ${median('cpu')} µs per submit (${RUNS} runs of ${SUBMITS})`;
}

/**
 * submitAnswer alone, no Discord: the click path's SQLite reads and writes (round, slot, earlier answer,
 * streak, the answer row and its 9 standings upserts) on a temporary file database, 10 rounds of 10
 * questions with 200 members each. Less noisy than the click bench, which also pays the stand-in and
 * discord.js.
 */
export async function run(): Promise<void> {
  console.log(measure(1, 'one commit per submit'));
  console.log(measure(BATCH, `batches of ${BATCH} in one transaction`));
}
