import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStores, type Stores } from '../../src/app/stores';
import { closeDatabase, openDatabase, type Db } from '../../src/db/database';

export interface TempDb {
  db: Db;
  /** The feature stores of `db`, as the bot builds them (new ones after `reopen()`): pass `temp` as `{ db, stores }`. */
  stores: Stores;
  path: string;
  reopen(): Db;
  cleanup(): void;
}

/** A real SQLite file with the committed migrations, in a fresh temp folder. */
export function createTempDb(): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'exam-drill-'));
  const path = join(dir, 'test.sqlite');
  let db = openDatabase(path);
  let stores: Stores | undefined;
  return {
    get db() {
      return db;
    },
    get stores() {
      stores ??= createStores(db);
      return stores;
    },
    path,
    reopen() {
      closeDatabase(db);
      db = openDatabase(path);
      stores = undefined;
      return db;
    },
    cleanup() {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
