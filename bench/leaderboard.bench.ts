import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { periodKeysAt } from '../src/answers/period-keys';
import { createStores } from '../src/app/stores';
import { closeDatabase, openDatabase } from '../src/db/database';
import { startWalCheckpointer, type WalCheckpointer } from '../src/db/wal-checkpointer';
import { createLogger } from '../src/shared/logger';
import { startWorker } from '../src/shared/worker-thread';
import type { PeriodKind } from '../src/db/schema';
import { periodRange } from '../src/time';
import { ensureGuild } from '../src/guilds/guild-settings';
import { buildLeaderboardView } from '../src/leaderboard/leaderboard-view';
import { rebuildStandings } from '../src/leaderboard/rebuild-standings';
import type { SlicedRebuildResult } from '../src/leaderboard/sliced-rebuild';
import { StandingsRebuilder } from '../src/leaderboard/standings-rebuilder';
import { DEFAULT_MIN_ANSWERS, type RankBy, type StandingsQuery } from '../src/leaderboard/standings-queries';
import { memberStats } from '../src/stats/member-stats';
import { seededRandom } from '../src/deck/random';
import { writeWhenFree } from '../src/db/write-when-free';
import { startSwitchClicks } from './support/zone-switch-clicks';

/** LEADERBOARD_BENCH_ANSWERS overrides it for a quicker run. */
const ANSWERS = Number(process.env.LEADERBOARD_BENCH_ANSWERS ?? 1_000_000);
const MEMBERS = 10_000;
const GUILD = 'bench-guild';
const TIME_ZONE = 'America/Sao_Paulo';
/** Six months of answers ending at `NOW` (a Friday afternoon in São Paulo). */
const NOW = Date.UTC(2026, 10, 27, 18);
const SPAN_MS = 182 * 86_400_000;
const QUERY_RUNS = 300;
const SCAN_RUNS = 15;
const SCAN_BUDGET_MS = 15_000;

/**
 * /leaderboard on a server with 1,000,000 answers from 10,000 members: the standings reads (top 10 plus
 * the caller's position) against a plain aggregate over the answer events; then a time-zone switch,
 * the old synchronous rebuild (its whole call is one event-loop stall) against the sliced one.
 */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'exam-drill-bench-'));
  const path = join(dir, 'bench.sqlite');
  const db = openDatabase(path);
  const stores = createStores(db);
  try {
    // A bigger page cache than SQLite's 2 MB default, as a host with a million answers would want.
    db.$client.pragma('cache_size = -262144');
    db.$client.pragma('temp_store = memory');
    ensureGuild(db, GUILD, TIME_ZONE, 0);
    const random = seededRandom('42');
    let started = performance.now();
    const insert = db.$client.prepare(`
      insert into answers (guild_id, user_id, question_id, kind, choice, correct, response_ms, points,
                           domain, topic, answered_at)
      values (?, ?, ?, 'round', '0', ?, 5000, ?, ?, ?, ?)`);
    db.$client.transaction(() => {
      for (let i = 0; i < ANSWERS; i += 1) {
        // Skewed activity: some members answer far more than others.
        const member = Math.floor(random() ** 2 * MEMBERS);
        const correct = random() < 0.3 + (member % 10) * 0.05 ? 1 : 0;
        const domain = 1 + Math.floor(random() * 5);
        insert.run(
          GUILD,
          `user-${member}`,
          `q${i % 800}`,
          correct,
          correct ? 500 + Math.floor(random() * 500) : 0,
          domain,
          `topic-${domain}-${Math.floor(random() * 8)}`,
          NOW - Math.floor(random() * SPAN_MS),
        );
      }
    })();
    const insertMs = performance.now() - started;
    // The old synchronous rebuild (what /config timezone ran before), under the same stall monitor.
    const syncDelay = monitorEventLoopDelay({ resolution: 1 });
    syncDelay.enable();
    await new Promise((resolve) => setTimeout(resolve, 5));
    started = performance.now();
    const rows = rebuildStandings(db, GUILD);
    const rebuildMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5));
    syncDelay.disable();
    const syncStallMs = syncDelay.max / 1e6;
    db.$client.exec('analyze');
    console.log(
      `runs: ${QUERY_RUNS} per standings query; full scans up to ${SCAN_RUNS} (at least 3, ~${SCAN_BUDGET_MS / 1000} s budget)`,
    );
    console.log(
      `setup: ${ANSWERS.toLocaleString('en')} answers inserted in ${(insertMs / 1000).toFixed(1)} s; ` +
        `rebuildStandings wrote ${rows.toLocaleString('en')} standings rows in ${(rebuildMs / 1000).toFixed(1)} s`,
    );

    const keys = periodKeysAt(NOW, TIME_ZONE);
    const periodStart: Record<PeriodKind, number> = {
      week: startOf('week', keys.week),
      month: startOf('month', keys.month),
      all: 0,
    };
    const fullScan = {
      points: db.$client.prepare(`
        select user_id, sum(points), count(*), sum(correct) from answers
        where guild_id = ? and answered_at >= ? group by user_id order by 2 desc limit 10`),
      accuracy: db.$client.prepare(`
        select user_id, sum(correct) * 1.0 / count(*), count(*), sum(points) from answers
        where guild_id = ? and answered_at >= ? group by user_id having count(*) >= ${DEFAULT_MIN_ANSWERS}
        order by 2 desc limit 10`),
    };

    console.log(
      '\nquery (top 10 + caller position)   standings median / p95   full scan median / p95   speed-up',
    );
    for (const period of ['week', 'month', 'all'] as const) {
      for (const by of ['points', 'accuracy'] as const satisfies readonly RankBy[]) {
        const query: StandingsQuery = {
          guildId: GUILD,
          period,
          periodKey: keys[period],
          scope: '',
          by,
          minAnswers: DEFAULT_MIN_ANSWERS,
          limit: 10,
        };
        const fast = timeRuns(QUERY_RUNS, () => {
          stores.leaderboard.top(query);
          stores.leaderboard.memberPosition({ ...query, userId: `user-${Math.floor(random() * MEMBERS)}` });
        });
        const slow = timeRuns(SCAN_RUNS, () => fullScan[by].all(GUILD, periodStart[period]), SCAN_BUDGET_MS);
        console.log(
          `${`${period} by ${by}`.padEnd(36)}${`${fmt(fast.median)} / ${fmt(fast.p95)} ms`.padEnd(25)}` +
            `${`${fmt(slow.median)} / ${fmt(slow.p95)} ms`.padEnd(25)}${(slow.median / fast.median).toFixed(0)}×`,
        );
      }
    }
    for (const by of ['points', 'accuracy'] as const) {
      const view = timeRuns(QUERY_RUNS, () =>
        buildLeaderboardView(stores.leaderboard, {
          guildId: GUILD,
          userId: `user-${Math.floor(random() * MEMBERS)}`,
          period: 'week',
          scope: '',
          by,
          minAnswers: DEFAULT_MIN_ANSWERS,
          timeZone: TIME_ZONE,
          now: NOW,
        }),
      );
      console.log(`${`whole /leaderboard view, ${by}`.padEnd(36)}${fmt(view.median)} / ${fmt(view.p95)} ms`);
    }
    const topicQuery: StandingsQuery = {
      guildId: GUILD,
      period: 'month',
      periodKey: keys.month,
      scope: 't:topic-3-2',
      by: 'accuracy',
      minAnswers: DEFAULT_MIN_ANSWERS,
      limit: 10,
    };
    const topic = timeRuns(QUERY_RUNS, () => {
      stores.leaderboard.top(topicQuery);
      stores.leaderboard.memberPosition({ ...topicQuery, userId: `user-${Math.floor(random() * MEMBERS)}` });
    });
    console.log(`${'month, one topic, by accuracy'.padEnd(36)}${fmt(topic.median)} / ${fmt(topic.p95)} ms`);
    const stats = timeRuns(100, () =>
      memberStats(db, {
        guildId: GUILD,
        userId: `user-${Math.floor(random() * 100)}`,
        timeZone: TIME_ZONE,
        now: NOW,
      }),
    );
    console.log(`${'/stats of a busy member'.padEnd(36)}${fmt(stats.median)} / ${fmt(stats.p95)} ms`);

    // As the bot runs: WAL checkpoints on their own thread, not inside the commits of the rebuild's slices.
    const checkpointer = startWalCheckpointer(db, path, createLogger('warn'));
    try {
      await benchZoneSwitch(db, checkpointer, syncStallMs, rebuildMs);
    } finally {
      await checkpointer.stop();
    }
  } finally {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}

function walBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * /config timezone on the same server, with members answering meanwhile (one answer every 5 ms through
 * the click path, from their own thread and connection as in the bot): the longest event-loop stall
 * and the total time of the switch, as the bot runs it (on a thread of its own, rebuild-thread.ts), next
 * to the synchronous rebuild's stall (the whole call). LEADERBOARD_BENCH_IN_PROCESS=1 runs the sliced
 * rebuild on this thread too, after it, on the switch back (what the bot ran before).
 */
async function benchZoneSwitch(
  db: ReturnType<typeof openDatabase>,
  checkpointer: WalCheckpointer,
  syncStallMs: number,
  syncMs: number,
): Promise<void> {
  const data = { db, stores: createStores(db) };
  const members = startClicks(data);
  const logger = createLogger('warn');
  const onThread = new StandingsRebuilder(data, { checkpointer, thread: { path: db.$client.name, logger } });
  const inProcess = new StandingsRebuilder(data, { checkpointer });
  const runs: Array<{ label: string; run: () => Promise<SlicedRebuildResult> }> = [
    { label: 'on its own thread (as shipped)', run: () => onThread.switchTimeZone(GUILD, 'Europe/Lisbon') },
  ];
  if (process.env.LEADERBOARD_BENCH_IN_PROCESS === '1') {
    runs.push({
      label: 'in-process slices (before)',
      // Its own pause, so the run stays on this thread (a caller's pause cannot go to a thread).
      run: () => inProcess.switchTimeZone(GUILD, TIME_ZONE, { pause: inProcess.pause }),
    });
  }
  const lines: string[] = [];
  let recorded = 0;
  for (const { label, run } of runs) {
    let walPeak = 0;
    // The process's memory during the switch over what it held before (a thread adds an isolate).
    const rssBefore = process.memoryUsage.rss();
    let rssPeak = rssBefore;
    const walSampler = setInterval(() => {
      walPeak = Math.max(walPeak, walBytes(db.$client.name));
      rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    }, 50);
    let longestGc = 0;
    const gcs = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration);
    });
    gcs.observe({ entryTypes: ['gc'] });
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const started = performance.now();
    const result = await run();
    const totalMs = performance.now() - started;
    // One more timer tick, so the monitor sees the stall of the final switch too.
    await new Promise((resolve) => setTimeout(resolve, 5));
    delay.disable();
    gcs.disconnect();
    clearInterval(walSampler);
    recorded += result.rows;
    lines.push(
      `${`${label}, ${result.slices} slices`.padEnd(46)}longest stall ${fmt(delay.max / 1e6)} ms, ` +
        `total ${(totalMs / 1000).toFixed(1)} s; longest slice ${fmt(result.longestSliceMs)} ms`,
      `${''.padEnd(46)}longest GC pause ${fmt(longestGc)} ms; WAL file at most ${(walPeak / 2 ** 20).toFixed(0)} MiB; ` +
        `RSS at most ${((rssPeak - rssBefore) / 2 ** 20).toFixed(0)} MiB over its start`,
    );
  }
  const { clicks, longestMs } = await members.stop();
  console.log(
    `\ntime-zone switch (${ANSWERS.toLocaleString('en')} answers, ${recorded.toLocaleString('en')} new-zone week/month rows written, ` +
      `${clicks} answers recorded during it ${CLICKS_ON_LOOP ? 'on this event loop' : 'on their own thread'}, the longest in ${fmt(longestMs)} ms)`,
  );
  console.log(
    `${'synchronous rebuildStandings'.padEnd(46)}longest stall ${fmt(syncStallMs)} ms, ` +
      `total ${(syncMs / 1000).toFixed(1)} s (the whole call is one stall)`,
  );
  for (const line of lines) console.log(line);
}

/**
 * The members' answers during the switch, each waiting for the write lock as the bot's clicks do
 * (src/quiz/decide-batch.ts): from their own thread and connection, as a shard's answer thread writes
 * them, or with LEADERBOARD_BENCH_CLICKS=loop on this event loop and connection, as one process's answer
 * batcher does (the stall measured is then theirs too).
 */
const CLICKS_ON_LOOP = process.env.LEADERBOARD_BENCH_CLICKS === 'loop';

function startClicks(data: {
  db: ReturnType<typeof openDatabase>;
  stores: ReturnType<typeof createStores>;
}): { stop(): Promise<{ clicks: number; longestMs: number }> } {
  const options = { guildId: GUILD, members: MEMBERS, answeredFrom: NOW, intervalMs: 5 };
  if (CLICKS_ON_LOOP) {
    const clicks = startSwitchClicks(data, (record) => writeWhenFree(data.db, record), options);
    return { stop: () => Promise.resolve(clicks.stop()) };
  }
  const clicker = startWorker(
    { file: join(import.meta.dirname, 'support', 'zone-switch-clicker.ts'), typescript: true },
    { path: data.db.$client.name, ...options },
  );
  return {
    async stop() {
      const stopped = new Promise<{ clicks: number; longestMs: number }>((resolve) =>
        clicker.once('message', resolve),
      );
      clicker.postMessage('stop');
      const figures = await stopped;
      await clicker.terminate();
      return figures;
    },
  };
}

/** The first instant of the period with this key, in the bench's time zone. */
function startOf(kind: 'week' | 'month', key: string): number {
  return periodRange(kind, key, TIME_ZONE).start;
}

/** Times up to `runs` runs (at least 3), stopping early once `budgetMs` is spent: full scans are slow. */
function timeRuns(runs: number, work: () => unknown, budgetMs = 20_000): { median: number; p95: number } {
  work(); // warm the statement cache and the page cache
  const times: number[] = [];
  let spent = 0;
  for (let i = 0; i < runs && (i < 3 || spent < budgetMs); i += 1) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
    spent += times.at(-1)!;
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)]!,
    p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!,
  };
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(3) : ms.toFixed(1);
}
