// One writer process of bench/shared-db.bench.ts: like one shard, it records quiz answers through the real
// click path (submitAnswer) in its own server, on the SQLite file every writer shares.
// argv: <database> <writer index> <start at, epoch ms> <duration ms> <answers per transaction>
import { createStores } from '../../src/app/stores';
import { closeDatabase, openDatabase } from '../../src/db/database';
import { submitAnswer } from '../../src/quiz/submit-answer';
import { makeQuestion } from '../../test/quiz/fixtures';
import { seedRounds } from '../../test/support/seed-rounds';

const [databasePath, indexArg, startAtArg, durationArg, batchArg] = process.argv.slice(2);
const writer = Number(indexArg);
const batch = Number(batchArg);
const QUESTIONS = 10;
const MEMBERS = 200;
const questions = Array.from({ length: QUESTIONS }, (_, i) => makeQuestion({ id: `bench-q${i}` }));
const questionById = new Map(questions.map((q) => [q.id, q]));

const db = openDatabase(databasePath!);
const data = { db, stores: createStores(db) };
// Rounds of 10 questions in this writer's own server, one after another for as long as it writes.
const openQuestions = seedRounds(db, {
  guildId: `bench-guild-${writer}`,
  channelPrefix: `channel-${writer}-`,
  questions,
  startAt: Date.UTC(2026, 0, 1, 12),
  timeZone: 'America/Sao_Paulo',
});
const nextQuestion = () => openQuestions.next().value!;
let open = nextQuestion();

while (Date.now() < Number(startAtArg)) await new Promise((resolve) => setTimeout(resolve, 1));
const endAt = Date.now() + Number(durationArg);
let written = 0;
let refused = 0;
const latencies: number[] = [];
// Each question answered by 200 members (every answer a new row with its standings), in transactions of
// `batch` answers, until the time is up.
let member = 0;
while (Date.now() < endAt) {
  const started = performance.now();
  const write = () => {
    for (let k = 0; k < batch; k++) {
      if (member === MEMBERS) {
        open = nextQuestion();
        member = 0;
      }
      const result = submitAnswer(data, questionById, open.openedAt + 1 + member, {
        roundId: open.roundId,
        position: open.position,
        userId: `user-${member}`,
        input: { button: (member + open.position) % 4 },
      });
      if (result.kind !== 'registered') throw new Error(`a submit was not registered: ${result.kind}`);
      member += 1;
    }
  };
  try {
    if (batch === 1) write();
    // IMMEDIATE, as the answer batcher: a deferred transaction that reads first fails under a second writer.
    else db.$client.transaction(write).immediate();
    written += batch;
  } catch (error) {
    // Waited out busy_timeout (5 s) for the write lock (before any write): these clicks would be refused.
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    refused += batch;
  }
  latencies.push(performance.now() - started);
}
closeDatabase(db);
latencies.sort((a, b) => a - b);
const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
process.stdout.write(`${JSON.stringify({ written, refused, p99Ms: p99 })}\n`);
