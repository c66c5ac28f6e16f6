import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { projectPath } from '../shared/project-root';
import * as schema from './schema';

/**
 * What SQLite keeps of the WAL file when the log starts over (`journal_size_limit`): after a burst of
 * writes (a standings rebuild) the file is cut back to this. A longer WAL file has grown by that much
 * since the log last started over (see wal-room.ts).
 */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The committed migrations, found from the project root so the bot runs from any working directory. */
export const MIGRATIONS_FOLDER = projectPath('drizzle');

/**
 * Opens (creating if needed) the SQLite file, turns on WAL and foreign keys, and applies the committed
 * migrations. ':memory:' works for throwaway use; tests use real files.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = openConnection(path);
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

/**
 * One more connection to a database `openDatabase` has set up (a thread's own), with the same settings
 * and no migrations.
 */
export function openConnection(path: string): Db {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Waits instead of failing when a second process (a restart overlapping the old one) holds the lock.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  return drizzle(sqlite, { schema });
}

export function closeDatabase(db: Db): void {
  if (db.$client.open) db.$client.close();
}

/**
 * For `db.transaction(fn, IMMEDIATE)`: every write transaction takes the write lock at BEGIN. Other
 * connections write the same file (the answer thread, the checkpoint thread's RESTART, other shards), and
 * a deferred transaction that read first cannot wait for them: it fails with SQLITE_BUSY(_SNAPSHOT)
 * instead of using busy_timeout.
 */
export const IMMEDIATE = { behavior: 'immediate' } as const;
