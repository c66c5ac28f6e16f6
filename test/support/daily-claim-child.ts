// A process that races others for the same daily posts: test/daily/claims-across-processes.test.ts.
// argv: <database> <first day, epoch ms> <days> <guild ids, comma-separated>
// Says 'ready' over IPC once the file is open, then gets the instant to start claiming at; prints one
// JSON line: the claims it won and the errors it hit.
import { closeDatabase, openDatabase } from '../../src/db/database';
import { claimDailyPost } from '../../src/daily/daily-post-store';
import type { DailyKind } from '../../src/db/schema';

const [databasePath, firstDayArg, daysArg, guildArg] = process.argv.slice(2);
const db = openDatabase(databasePath!);
const guildIds = guildArg!.split(',');

// Every process opens the file first, then all start claiming at the same instant. The instant comes
// once all are ready: a fixed one missed when loading took longer on a loaded machine (one process won
// every post before the others began). A clock, not the message itself: the messages reach the
// processes a little apart, and a head start of a millisecond or two let one win everything.
const startAt = await new Promise<number>((resolve) => {
  process.once('message', (at) => resolve(Number(at)));
  process.send!('ready');
});
while (Date.now() < startAt) await new Promise((resolve) => setTimeout(resolve, 1));

const won: string[] = [];
const errors: string[] = [];
let busyRetries = 0;
/** Posts another process had claimed when this one tried. */
let refused = 0;
// Day after day, in the same order in every process, so they keep colliding on the same rows.
for (let day = 0; day < Number(daysArg); day += 1) {
  const now = Number(firstDayArg) + day * 86_400_000;
  for (const guildId of guildIds) {
    for (const kind of ['service', 'question'] as DailyKind[]) {
      // Saturated on purpose, SQLite's lock is not fair: a process can wait out busy_timeout (SQLITE_BUSY,
      // nothing written). The bot's tick logs that and tries again a minute later; so does this, at once.
      for (let attempt = 1; ; attempt += 1) {
        try {
          const claim = claimDailyPost(db, guildId, kind, now, () => `subject-${process.pid}`);
          if (claim) won.push(`${guildId}/${kind}/${claim.post.localDate}`);
          else refused += 1;
          break;
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === 'SQLITE_BUSY' && attempt < 5) {
            busyRetries += 1;
            continue;
          }
          errors.push(String(code ?? error));
          break;
        }
      }
    }
  }
}
closeDatabase(db);
process.stdout.write(`${JSON.stringify({ pid: process.pid, won, refused, errors, busyRetries })}\n`);
process.disconnect();
