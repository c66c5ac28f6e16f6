import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';

export interface BackupResult {
  path: string;
  bytes: number;
  pages: number;
  answers: number;
}

/**
 * A consistent copy of a live database through SQLite's online backup API: the running bot keeps
 * writing (WAL), and the copy is one moment's state, WAL contents included. Written beside the target
 * and renamed into place, so a half-made file never carries the backup's name.
 */
export async function backupDatabase(sourcePath: string, targetPath: string): Promise<BackupResult> {
  const source = resolve(sourcePath);
  const target = resolve(targetPath);
  if (!existsSync(source)) throw new Error(`no database at ${source} (check DATABASE_PATH)`);
  if (source === target) throw new Error('the backup must go to another file than the database itself');
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
  let pages = 0;
  try {
    await db.backup(partial, {
      // Whole database in one step: copied under a single read transaction, so it is one moment's state.
      progress: ({ totalPages }) => {
        pages = totalPages;
        return totalPages;
      },
    });
  } finally {
    db.close();
  }
  const copy = new Database(partial, { readonly: true, fileMustExist: true });
  let answers: number;
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${String(integrity)}`);
    answers = (copy.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;
  } finally {
    copy.close();
  }
  renameSync(partial, target);
  return { path: target, bytes: statSync(target).size, pages, answers };
}
