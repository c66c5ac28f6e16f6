// A shard's answer path on a shared SQLite file: test/quiz/answer-batcher-processes.test.ts.
// argv: <database> <writer index> <start at, epoch ms> <duration ms>
// Submits bursts of clicks through the AnswerBatcher (one transaction per burst) in its own server and
// prints how many were registered and the errors it hit.
import { createStores } from '../../src/app/stores';
import { closeDatabase, openDatabase } from '../../src/db/database';
import { AnswerBatcher } from '../../src/quiz/answer-batcher';
import { makeQuestion } from '../quiz/fixtures';
import { seedRounds } from './seed-rounds';

const [databasePath, indexArg, startAtArg, durationArg] = process.argv.slice(2);
const QUESTIONS = 20;
const BURST = 25;
const questions = Array.from({ length: QUESTIONS }, (_, i) => makeQuestion({ id: `q${i}` }));
const db = openDatabase(databasePath!);
const batcher = new AnswerBatcher({ db, stores: createStores(db) }, new Map(questions.map((q) => [q.id, q])));
const now = Date.UTC(2026, 0, 1, 12);
// One round in this process's own server, its first question open: every click goes to it.
const { roundId } = seedRounds(db, {
  guildId: `guild-${indexArg}`,
  channelPrefix: `channel-${indexArg}-`,
  questions,
  startAt: now,
}).next().value!;

while (Date.now() < Number(startAtArg)) await new Promise((resolve) => setTimeout(resolve, 1));
const endAt = Date.now() + Number(durationArg);
let registered = 0;
const errors: string[] = [];
for (let member = 0; Date.now() < endAt;) {
  // One burst: clicks of one event-loop turn, written by the batcher in one transaction.
  const burst = Array.from({ length: BURST }, () => {
    const userId = `user-${member++}`;
    return batcher.submit(now + 1, { roundId, position: 0, userId, input: { button: member % 4 } });
  });
  for (const outcome of await Promise.allSettled(burst)) {
    if (outcome.status === 'fulfilled' && outcome.value.kind === 'registered') registered += 1;
    else if (outcome.status === 'rejected')
      errors.push(String((outcome.reason as { code?: string }).code ?? outcome.reason));
  }
}
await batcher.settled();
closeDatabase(db);
process.stdout.write(
  `${JSON.stringify({ registered, errors: [...new Set(errors)], failed: errors.length })}\n`,
);
