import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireInstanceLock, type InstanceLock } from '../../src/host/instance-lock';
import { StartupError } from '../../src/host/startup-error';

// SQLite tracks locks per connection within one process too, so one process can play the manager
// (holding the lock) and a shard (joining it). The sharded bot as real processes: test/e2e/shards.test.ts.

describe('the instance lock with shards', () => {
  let dir: string;
  let databasePath: string;
  const held: InstanceLock[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'exam-drill-lock-'));
    databasePath = join(dir, 'bot.sqlite');
  });
  afterEach(() => {
    for (const lock of held.splice(0)) lock.release();
    rmSync(dir, { recursive: true, force: true });
  });

  const refusal = (run: () => unknown): StartupError => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(StartupError);
      return error as StartupError;
    }
    throw new Error('the lock was not refused');
  };

  it('lets a shard of the process holding the lock share the database', () => {
    held.push(acquireInstanceLock(databasePath)); // this process plays the manager
    const shard = acquireInstanceLock(databasePath, { managerPid: process.ppid });
    held.push(shard);
    expect(shard.path).toBe(`${databasePath}.lock`);
    // Releasing a shard's share leaves the manager's lock in place.
    shard.release();
    expect(refusal(() => acquireInstanceLock(databasePath)).kind).toBe('locked');
  });

  it('still refuses a second, independent bot while the manager holds the lock', () => {
    held.push(acquireInstanceLock(databasePath));
    const error = refusal(() => acquireInstanceLock(databasePath));
    expect(error.kind).toBe('locked');
    expect(error.message).toContain('Another Exam Drill is already running');
  });

  it('refuses a "shard" whose parent is not the manager it names', () => {
    held.push(acquireInstanceLock(databasePath));
    const error = refusal(() => acquireInstanceLock(databasePath, { managerPid: process.ppid + 1 }));
    expect(error.kind).toBe('locked');
    expect(error.message).toMatch(/its parent is process \d+/);
  });

  it('refuses a shard when nobody holds the lock (no manager running)', () => {
    const error = refusal(() => acquireInstanceLock(databasePath, { managerPid: process.ppid }));
    expect(error.message).toContain('does not hold the lock');
    // The probe took nothing: a normal bot can start.
    held.push(acquireInstanceLock(databasePath));
    // ... and after a manager held the file once and quit, the lock file exists but is free.
    held.pop()?.release();
    expect(refusal(() => acquireInstanceLock(databasePath, { managerPid: process.ppid })).message).toContain(
      'does not hold the lock',
    );
  });
});
