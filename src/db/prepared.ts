import type Database from 'better-sqlite3';
import type { Db } from './database';

/**
 * One value per database handle, built on first use: a feature store (`createXStore(db)`, which prepares
 * its hot-path statements once) for callers that are handed only `db`. A feature that holds its store
 * from start-up does not need this.
 */
export function oncePerDb<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) {
      value = build(db);
      built.set(db, value);
    }
    return value;
  };
}

/**
 * Raw better-sqlite3 statements prepared once per connection. Only src/leaderboard still uses this (its
 * standings SQL is being reworked); new code prepares drizzle statements in its store (`oncePerDb`).
 */
export function preparedPerConnection<S>(
  prepare: (sqlite: Database.Database) => S,
): (sqlite: Database.Database) => S {
  const cache = new WeakMap<Database.Database, S>();
  return (sqlite) => {
    let statements = cache.get(sqlite);
    if (!statements) {
      statements = prepare(sqlite);
      cache.set(sqlite, statements);
    }
    return statements;
  };
}
