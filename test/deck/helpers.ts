import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDeckDetailed } from '../../src/deck/build';
import type { BuildResult } from '../../src/deck/build';
import { DEFAULT_NOTES_PATH } from '../../src/deck/index';

export const NOTES = readFileSync(DEFAULT_NOTES_PATH, 'utf8');
export const NOTES_FILE = 'data/notes/aif-c01.pt-BR.md';

let cached: BuildResult | undefined;

/** The shipped deck, built once per test file. */
export function shippedDeck(): BuildResult {
  cached ??= buildDeckDetailed(NOTES, { file: NOTES_FILE });
  return cached;
}

/** The notes with one exact substring replaced (fails loudly if the substring is gone). */
export function notesWith(find: string, replace: string, notes = NOTES): string {
  if (!notes.includes(find)) throw new Error(`test fixture: "${find}" not in the notes`);
  return notes.replace(find, replace);
}

export function writeTempNotes(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'deck-test-'));
  const file = join(dir, 'notes.md');
  writeFileSync(file, content);
  return file;
}

/** 1-based line of the first occurrence of a substring. */
export function lineOf(text: string, find: string): number {
  const index = text.indexOf(find);
  if (index < 0) throw new Error(`test fixture: "${find}" not found`);
  return text.slice(0, index).split('\n').length;
}
