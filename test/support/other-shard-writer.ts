import Database from 'better-sqlite3';

/**
 * A second connection to the same SQLite file, as another shard holds it. Its writes never wait (busy
 * timeout 0): a write lock held by the first connection shows up at once as SQLITE_BUSY, deterministically,
 * where a real shard would wait for it (busy_timeout). Writes a row nobody under test reads.
 */
export function openOtherShardWriter(path: string) {
  const sqlite = new Database(path, { timeout: 0 });
  sqlite.pragma('journal_mode = WAL');
  let writes = 0;
  return {
    /** One committed write; the SQLite error code when it could not take the write lock, else null. */
    tryWrite(): string | null {
      try {
        writes += 1;
        sqlite
          .prepare(
            `insert into guilds (id, timezone, created_at) values ('other-shard', 'UTC', ?)
             on conflict (id) do update set created_at = excluded.created_at`,
          )
          .run(writes);
        return null;
      } catch (error) {
        return (error as { code?: string }).code ?? String(error);
      }
    },
    /** Takes the write lock and keeps it until `release()` (a long transaction of another shard). */
    holdWriteLock(): { release: () => void } {
      sqlite.prepare('begin immediate').run();
      return { release: () => sqlite.prepare('commit').run() };
    },
    close: () => sqlite.close(),
  };
}

/** The SQLite error code `fn` throws, or null when it does not throw. */
export function sqliteErrorOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}
