// A process that races others for the same daily posts: test/daily/claims-across-processes.test.ts.
// argv: <database> <start at, epoch ms> <first day, epoch ms> <days> <guild ids, comma-separated>
// Prints one JSON line: the claims it won and the errors it hit.
import { closeDatabase, openDatabase } from '../../src/db/database';
import { claimDailyPost } from '../../src/daily/daily-post-store';
import type { DailyKind } from '../../src/db/schema';

const [databasePath, startAtArg, firstDayArg, daysArg, guildArg] = process.argv.slice(2);
const db = openDatabase(databasePath!);
const guildIds = guildArg!.split(',');

// Every process opens the file first, then all start claiming at the same instant.
while (Date.now() < Number(startAtArg)) await new Promise((resolve) => setTimeout(resolve, 1));

const won: string[] = [];
const errors: string[] = [];
// Day after day, in the same order in every process, so they keep colliding on the same rows.
for (let day = 0; day < Number(daysArg); day += 1) {
  const now = Number(firstDayArg) + day * 86_400_000;
  for (const guildId of guildIds) {
    for (const kind of ['service', 'question'] as DailyKind[]) {
      try {
        const claim = claimDailyPost(db, guildId, kind, now, () => `subject-${process.pid}`);
        if (claim) won.push(`${guildId}/${kind}/${claim.post.localDate}`);
      } catch (error) {
        errors.push(String((error as { code?: string }).code ?? error));
      }
    }
  }
}
closeDatabase(db);
process.stdout.write(`${JSON.stringify({ pid: process.pid, won, errors })}\n`);
