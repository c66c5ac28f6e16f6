// One writer process of bench/shared-db.bench.ts: like one shard, it records quiz answers through the real
// click path (submitAnswer) in its own server, on the SQLite file every writer shares.
// argv: <database> <writer index> <start at, epoch ms> <duration ms> <answers per transaction>
import { closeDatabase, openDatabase } from '../../src/db/database';
import { ensureGuild } from '../../src/guilds/guild-settings';
import { createRound, endRound, markOpened, markRevealed } from '../../src/quiz/round-store';
import { submitAnswer } from '../../src/quiz/submit-answer';
import { makeQuestion } from '../../test/quiz/fixtures';

const [databasePath, indexArg, startAtArg, durationArg, batchArg] = process.argv.slice(2);
const writer = Number(indexArg);
const batch = Number(batchArg);
const QUESTIONS = 10;
const MEMBERS = 200;
const questions = Array.from({ length: QUESTIONS }, (_, i) => makeQuestion({ id: `bench-q${i}` }));
const questionById = new Map(questions.map((q) => [q.id, q]));

const db = openDatabase(databasePath!);
const guildId = `bench-guild-${writer}`;
let now = Date.UTC(2026, 0, 1, 12);
ensureGuild(db, guildId, 'America/Sao_Paulo', now);
let rounds = 0;
const newRound = (): number => {
  const created = createRound(db, {
    guildId,
    channelId: `channel-${writer}-${rounds++}`,
    starterId: 'starter',
    locale: 'pt-BR',
    secondsPerQuestion: 60,
    topic: null,
    domain: null,
    questionIds: questions.map((q) => q.id),
    now,
  });
  if (!created.ok) throw new Error('bench round not created');
  return created.round.id;
};

while (Date.now() < Number(startAtArg)) await new Promise((resolve) => setTimeout(resolve, 1));
const endAt = Date.now() + Number(durationArg);
let written = 0;
let refused = 0;
const latencies: number[] = [];
// Rounds of 50 questions, each answered by 200 members (every answer a new row with its standings), in
// transactions of `batch` answers, until the time is up.
let roundId = newRound();
let position = 0;
let member = 0;
markOpened(db, roundId, position, now, now + 60_000);
while (Date.now() < endAt) {
  const started = performance.now();
  const write = () => {
    for (let k = 0; k < batch; k++) {
      if (member === MEMBERS) {
        now += 60_000;
        markRevealed(db, roundId, position, now);
        member = 0;
        position += 1;
        if (position === QUESTIONS) {
          endRound(db, roundId, 'finished', now);
          roundId = newRound();
          position = 0;
        }
        markOpened(db, roundId, position, now, now + 60_000);
      }
      const result = submitAnswer(db, questionById, now + 1 + member, {
        roundId,
        position,
        userId: `user-${member}`,
        input: { button: (member + position) % 4 },
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
