import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolderMap, checkNamedPaths, foldersNeedingMaps } from '../support/module-map';

// Docs that cannot drift: every folder with source code says in its README what each file is for
// (format in test/support/module-map.ts), and every path a README names exists.
const REPO = resolve(import.meta.dirname, '../..');
const ROOTS = ['src', 'commands', 'bench', 'test/support'];
const folders = ROOTS.flatMap((root) => foldersNeedingMaps(join(REPO, root)));
const shown = (folder: string) => relative(REPO, folder);

describe('module maps', () => {
  it('covers the folders that must have one', () => {
    expect(folders.map(shown)).toEqual(
      expect.arrayContaining(['src', 'src/quiz', 'src/deck/items', 'commands']),
    );
  });

  it.each(folders.map((folder) => [shown(folder), folder]))(
    '%s/README.md lists every file it holds',
    (_, folder) => {
      expect(checkFolderMap(folder, REPO)).toEqual([]);
    },
  );

  it.each(
    folders
      .filter((folder) => existsSync(join(folder, 'README.md')))
      .map((folder) => [shown(folder), folder]),
  )('%s/README.md names only paths that exist', (_, folder) => {
    expect(checkNamedPaths(join(folder, 'README.md'), REPO)).toEqual([]);
  });
});
