import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStores } from '../src/app/stores';
import { closeDatabase, openDatabase } from '../src/db/database';
import { guilds } from '../src/db/schema';
import { runDailyTick } from '../src/daily/daily-tick';
import { createLogger } from '../src/shared/logger';
import { FakeSender, smallDeck } from '../test/support/daily-fixtures';

/**
 * The cron job runs runDailyTick every minute for every configured server. Prints how long one tick
 * takes with N servers: when nothing is due, when all are due at once (claim + send + record), and
 * after (everything already posted: the common case for the rest of the day).
 */
export async function run(): Promise<void> {
  for (const servers of [100, 1000]) {
    const dir = mkdtempSync(join(tmpdir(), 'exam-drill-bench-'));
    const db = openDatabase(join(dir, 'bench.sqlite'));
    const zones = ['America/Sao_Paulo', 'Europe/Lisbon', 'UTC', 'Asia/Tokyo'];
    db.$client.transaction(() => {
      for (let i = 0; i < servers; i++) {
        db.insert(guilds)
          .values({
            id: `g${i}`,
            timezone: zones[i % zones.length]!,
            dailyTime: '00:00',
            dailyChannelId: `c${i}`,
            createdAt: 0,
          })
          .run();
      }
    })();
    const ctx = {
      db,
      stores: createStores(db),
      deck: smallDeck(),
      logger: createLogger('silent'),
      sender: new FakeSender(),
    };
    const now = Date.parse('2026-11-27T15:00:00Z');
    const time = async (label: string, at: number) => {
      const start = performance.now();
      const result = await runDailyTick(ctx, at);
      const ms = performance.now() - start;
      console.log(`${servers} servers, ${label}: ${ms.toFixed(1)} ms (${result.posted.length} posts)`);
    };
    await time('all due (first tick of the day)', now);
    await time('all already posted', now + 60_000);
    await time('all already posted, again', now + 120_000);
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}
