import type { Db } from './database';

/**
 * What a plain function that runs SQL is handed: the database (its transactions, one-off queries) and
 * the prepared feature stores it uses, built once per database by the composition root
 * (src/app/stores.ts). The app context fits, and so does a test's temporary database.
 */
export interface WithStores<S> {
  db: Db;
  stores: S;
}
