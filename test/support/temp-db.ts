import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../../src/db/database';

/** A real SQLite file with the committed migrations, in a fresh temp folder. */
export function createTempDb(): { db: Db; path: string; reopen(): Db; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'exam-drill-'));
  const path = join(dir, 'test.sqlite');
  let db = openDatabase(path);
  return {
    get db() {
      return db;
    },
    path,
    reopen() {
      closeDatabase(db);
      db = openDatabase(path);
      return db;
    },
    cleanup() {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
