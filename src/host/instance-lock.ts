import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StartupError } from './startup-error';

export interface InstanceLock {
  readonly path: string;
  release(): void;
}

/**
 * One bot per database: holds an exclusive SQLite lock on `<database>.lock` for as long as the bot
 * runs. The lock is the operating system's (fcntl), so a crashed or killed bot leaves nothing stuck —
 * the kernel drops it with the process. A second bot on the same file is refused at once.
 */
export function acquireInstanceLock(databasePath: string): InstanceLock {
  const path = `${resolve(databasePath)}.lock`;
  ensureFolder(databasePath);
  let lockDb: Database.Database;
  try {
    lockDb = new Database(path, { timeout: 0 });
  } catch (error) {
    throw databaseProblem(databasePath, error);
  }
  try {
    lockDb.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in this mode it is kept until the connection closes.
    lockDb.exec('CREATE TABLE IF NOT EXISTS instance (pid INTEGER, started_at TEXT)');
    lockDb.exec('BEGIN EXCLUSIVE');
    lockDb.exec('COMMIT');
  } catch (error) {
    lockDb.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY')
      throw new StartupError(
        `Another Exam Drill is already running on DATABASE_PATH (${resolve(databasePath)}): stop it ` +
          'first, or give this one its own DATABASE_PATH. Two bots on one database would both run the ' +
          'rounds and the daily posts.',
        'locked',
        { cause: error },
      );
    throw databaseProblem(databasePath, error);
  }
  return {
    path,
    release: () => {
      if (lockDb.open) lockDb.close();
    },
  };
}

/** Creates the database's folder, or says in words why it cannot. */
export function ensureFolder(databasePath: string): void {
  const folder = dirname(resolve(databasePath));
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    // A file where a folder should be throws EEXIST or ENOTDIR here.
    throw databaseProblem(databasePath, error);
  }
}

/** Turns file-system and SQLite errors about DATABASE_PATH into one sentence with the fix. */
export function databaseProblem(databasePath: string, error: unknown): StartupError {
  const code = (error as { code?: string } | undefined)?.code;
  const where = resolve(databasePath);
  const reasons: Record<string, string> = {
    EEXIST: 'a part of its folder path is a file, not a folder',
    ENOTDIR: 'a part of its folder path is a file, not a folder',
    EACCES: 'permission denied: the bot’s user cannot write there',
    EPERM: 'permission denied: the bot’s user cannot write there',
    EROFS: 'the file system is read-only',
    SQLITE_CANTOPEN: 'SQLite cannot open it (is it a folder, or is its folder not writable?)',
    SQLITE_NOTADB: 'the file exists but is not an SQLite database',
    SQLITE_CORRUPT: 'the database file is damaged (restore a backup: see "Backups" in README.md)',
    SQLITE_READONLY: 'the file is read-only for the bot’s user',
    SQLITE_FULL: 'the disk is full',
  };
  const reason =
    (code && reasons[code]) ?? (error instanceof Error ? error.message : `unexpected error ${String(code)}`);
  return new StartupError(
    `DATABASE_PATH (${where}) cannot be used: ${reason}. Point DATABASE_PATH at a writable file in a folder.`,
    'database',
    { cause: error },
  );
}
