import { closeSync, openSync, readSync } from 'node:fs';

/**
 * How far SQLite's checkpoints have got, read from the WAL index (the `-shm` file, see
 * sqlite.org/walformat.html): `mxFrame`, the last valid frame of the log (the header at offset 0, its
 * field at 16), and `nBackfill`, the frames already copied into the database file (offset 96). Lets a
 * test see a checkpoint's progress without running one itself. Native byte order (little-endian here).
 */
export function walIndexProgress(databasePath: string): { mxFrame: number; nBackfill: number } {
  const fd = openSync(`${databasePath}-shm`, 'r');
  try {
    const header = Buffer.alloc(136);
    readSync(fd, header, 0, header.length, 0);
    return { mxFrame: header.readUInt32LE(16), nBackfill: header.readUInt32LE(96) };
  } finally {
    closeSync(fd);
  }
}
