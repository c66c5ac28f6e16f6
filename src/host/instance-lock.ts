import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StartupError } from './startup-error';

export interface InstanceLock {
  readonly path: string;
  release(): void;
}

export interface LockOptions {
  /**
   * This process is a shard of the ShardingManager with this pid (its parent), which holds the lock for
   * the whole bot: the shards share the database instead of taking it.
   */
  managerPid?: number;
}

/**
 * One bot per database: holds an exclusive SQLite lock on `<database>.lock` for as long as the bot
 * runs. The lock is the operating system's (fcntl), so a crashed or killed bot leaves nothing stuck —
 * the kernel drops it with the process. A second bot on the same file is refused at once. A shard
 * process joins its manager's lock instead (see {@link LockOptions}).
 */
export function acquireInstanceLock(databasePath: string, options: LockOptions = {}): InstanceLock {
  const path = `${resolve(databasePath)}.lock`;
  ensureFolder(databasePath);
  if (options.managerPid !== undefined) return joinManagersLock(databasePath, path, options.managerPid);
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

/**
 * A shard runs under the lock its manager holds. Both halves are checked, so the exception cannot let an
 * independent second bot in: the manager must be this process's parent, and the lock must be held
 * (a probe that could take it means nobody does).
 */
function joinManagersLock(databasePath: string, path: string, managerPid: number): InstanceLock {
  if (process.ppid !== managerPid)
    throw new StartupError(
      `This process was told it is a shard of process ${managerPid}, but its parent is process ` +
        `${process.ppid}: start the bot with SHARDS set (the shard manager starts the shards), not a shard alone.`,
      'locked',
    );
  let probe: Database.Database | undefined;
  let free: boolean;
  try {
    probe = new Database(path, { timeout: 0, fileMustExist: true });
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    free = true;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_CANTOPEN') throw databaseProblem(databasePath, error);
    free = code !== 'SQLITE_BUSY';
  } finally {
    probe?.close();
  }
  if (free)
    throw new StartupError(
      `The shard manager (process ${managerPid}) does not hold the lock on DATABASE_PATH ` +
        `(${resolve(databasePath)}), so this shard will not run on it: restart the bot with SHARDS set.`,
      'locked',
    );
  return { path, release: () => {} };
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
