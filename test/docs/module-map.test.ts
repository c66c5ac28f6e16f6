import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFolderMap, checkNamedPaths, foldersNeedingMaps, parseModuleMap } from '../support/module-map';

const MAP = [
  '# Fake',
  '',
  'Prose may name `other.ts` without it being an entry.',
  '',
  '| file | job |',
  '| --- | --- |',
  '| `a.ts` | does a |',
  '| `b.mjs`, `c.ts` | b and c |',
  '| `sub/` | the sub folder (own README) |',
  '',
].join('\n');

describe('parseModuleMap', () => {
  it('reads the entries of the table headed "file", with their lines', () => {
    const { entries, problems } = parseModuleMap(MAP);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { name: 'a.ts', line: 7 },
      { name: 'b.mjs', line: 8 },
      { name: 'c.ts', line: 8 },
      { name: 'sub/', line: 9 },
    ]);
  });

  it('ignores other tables', () => {
    const text = `| key | meaning |\n|---|---|\n| \`X\` | y |\n\n${MAP}`;
    expect(parseModuleMap(text).entries.map((e) => e.name)).toEqual(['a.ts', 'b.mjs', 'c.ts', 'sub/']);
  });

  it('says when there is no map', () => {
    expect(parseModuleMap('# Nothing\n\n- `a.ts`: a bullet is not a map\n').problems).toEqual([
      'no module map (a table whose header starts with a "file" cell)',
    ]);
  });

  it('refuses globs, paths into subfolders, bare words, rows without a job and duplicates', () => {
    const text = [
      '| file | job |',
      '|---|---|',
      '| `templates/*` | many |',
      '| `items/load.ts` | one below |',
      '| plumbing | words |',
      '| `a.ts` | |',
      '| `a.ts` | again |',
    ].join('\n');
    expect(parseModuleMap(text).problems).toEqual([
      'line 3: "`templates/*`" is not an entry: write `file.ts` or `subfolder/`, comma-separated',
      'line 4: "`items/load.ts`" is not an entry: write `file.ts` or `subfolder/`, comma-separated',
      'line 5: "plumbing" is not an entry: write `file.ts` or `subfolder/`, comma-separated',
      'line 6: the entry says no job',
      'line 7: `a.ts` is listed twice',
    ]);
  });

  it('says when there are two maps', () => {
    expect(parseModuleMap(`${MAP}\n${MAP}`).problems).toEqual([
      '2 module maps (tables headed "file"); keep one, at lines 5, 15',
    ]);
  });
});

describe('checkFolderMap on a fake folder', () => {
  let root: string;
  const folder = () => join(root, 'feature');
  const write = (path: string, text = '') => writeFileSync(join(folder(), path), text);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'module-map-'));
    mkdirSync(join(folder(), 'sub'), { recursive: true });
    for (const name of ['a.ts', 'b.mjs', 'c.ts', 'sub/inner.ts', 'notes.json']) write(name);
    write('sub/README.md', '| file | job |\n|---|---|\n| `inner.ts` | inside |\n');
    write('README.md', MAP);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes when the map and the folder agree (non-source files need no entry)', () => {
    expect(checkFolderMap(folder(), root)).toEqual([]);
    expect(checkFolderMap(join(folder(), 'sub'), root)).toEqual([]);
  });

  it('fails naming the file and the README when a source file is missing from the map', () => {
    write('forgotten.ts');
    expect(checkFolderMap(folder(), root)).toEqual([
      'feature/forgotten.ts is missing from the module map in feature/README.md',
    ]);
  });

  it('fails when a subfolder with sources is not listed', () => {
    mkdirSync(join(folder(), 'extra'));
    write('extra/x.ts');
    expect(checkFolderMap(folder(), root)).toEqual([
      'feature/extra/ is missing from the module map in feature/README.md',
    ]);
  });

  it('lets an empty or source-less subfolder go unlisted', () => {
    mkdirSync(join(folder(), 'assets'));
    write('assets/logo.png');
    expect(checkFolderMap(folder(), root)).toEqual([]);
  });

  it('fails when the map names a file or folder that is not there', () => {
    rmSync(join(folder(), 'c.ts'));
    rmSync(join(folder(), 'sub'), { recursive: true });
    expect(checkFolderMap(folder(), root)).toEqual([
      'feature/README.md line 8: `c.ts` is in the module map but there is no such file',
      'feature/README.md line 9: `sub/` is in the module map but there is no such folder',
    ]);
  });

  it('fails when the folder has no README', () => {
    rmSync(join(folder(), 'README.md'));
    expect(checkFolderMap(folder(), root)).toEqual([
      'feature/ holds source files but has no README.md with a module map',
    ]);
  });

  it('finds every folder below a root that holds sources', () => {
    mkdirSync(join(folder(), 'assets'));
    write('assets/logo.png');
    expect(foldersNeedingMaps(folder()).map((f) => f.slice(root.length + 1))).toEqual([
      'feature',
      'feature/sub',
    ]);
  });
});

describe('checkNamedPaths', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'named-paths-'));
    mkdirSync(join(root, 'src/feature'), { recursive: true });
    mkdirSync(join(root, 'data/items'), { recursive: true });
    writeFileSync(join(root, 'data/items/one.yaml'), '');
    writeFileSync(join(root, 'src/feature/a.ts'), '');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('accepts paths, globs and relative links that exist, and names those that do not', () => {
    const readme = join(root, 'src/feature/README.md');
    writeFileSync(
      readme,
      [
        'See `src/feature/a.ts`, `data/items/*.yaml`, `src/feature/` and [a](./a.ts).',
        'Gone: `src/feature/b.ts`, `data/items/*.json` and [b](../../README.md#top).',
      ].join('\n'),
    );
    expect(checkNamedPaths(readme, root)).toEqual([
      'src/feature/README.md names `src/feature/b.ts`, which does not exist',
      'src/feature/README.md names `data/items/*.json`, which does not exist',
      'src/feature/README.md links to ../../README.md, which does not exist',
    ]);
  });
});
