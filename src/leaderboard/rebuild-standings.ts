import type { Db } from '../db/database';
import { periodRuns } from './period-runs';

/** The scopes `recordAnswer` counts each answer in (see `scopesOf`), as SQL over an `answers` row. */
const SCOPE_EXPRESSIONS = ["''", "'d:' || a.domain", "'t:' || a.topic"] as const;

/**
 * Recomputes one server's standings from its answer events, in one transaction: used when the server's
 * time zone changes (answers move between weeks and months) or to repair derived data. Gives exactly the
 * rows `recordAnswer` builds one answer at a time, because answers are bucketed into the same local
 * periods (`periodRuns` walks the zone quarter hour by quarter hour) and summed the same way.
 * Week and month rows of other zones (left by a switch that did not finish) go too.
 * Returns the number of standings rows written.
 */
export function rebuildStandings(db: Db, guildId: string): number {
  const sqlite = db.$client;
  return sqlite
    .transaction((): number => {
      sqlite.prepare('delete from standings where guild_id = ?').run(guildId);
      const guild = sqlite.prepare('select timezone from guilds where id = ?').get(guildId) as
        { timezone: string } | undefined;
      if (!guild) throw new Error(`cannot rebuild standings of unknown guild ${guildId}`);
      const span = sqlite
        .prepare('select min(answered_at) as first, max(answered_at) as last from answers where guild_id = ?')
        .get(guildId) as { first: number | null; last: number | null };
      if (span.first === null || span.last === null) return 0;

      // The periods as a small temp table, so the aggregation is one indexed range scan per period.
      sqlite.exec(`create temp table if not exists rebuild_periods (
      kind text not null, key text not null, start_ms integer not null, end_ms integer not null)`);
      sqlite.exec('delete from temp.rebuild_periods');
      const insertPeriod = sqlite.prepare('insert into temp.rebuild_periods values (?, ?, ?, ?)');
      for (const run of periodRuns(span.first, span.last, guild.timezone)) {
        insertPeriod.run(run.kind, run.key, run.startMs, run.endMs);
      }
      insertPeriod.run('all', 'all', span.first, span.last + 1);

      let written = 0;
      for (const scope of SCOPE_EXPRESSIONS) {
        written += sqlite
          .prepare(
            `insert into standings (guild_id, zone, period_kind, period_key, scope, user_id,
                                  points, answered, correct, last_answered_at)
           select a.guild_id, case when p.kind = 'all' then '' else ? end, p.kind, p.key, ${scope}, a.user_id,
                  sum(a.points), count(*), sum(a.correct), max(a.answered_at)
           from temp.rebuild_periods p
           join answers a on a.guild_id = ? and a.answered_at >= p.start_ms and a.answered_at < p.end_ms
                            and a.kind not in ('practice', 'mock') -- see countsOnLeaderboard
           group by p.kind, p.key, ${scope}, a.user_id`,
          )
          .run(guild.timezone, guildId).changes;
      }
      sqlite.exec('delete from temp.rebuild_periods');
      return written;
    })
    .immediate();
}
