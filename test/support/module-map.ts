import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * Folder READMEs carry a module map: the one Markdown table whose header starts with a `file` cell.
 * Each row's first cell names one or more entries, each in backticks and separated by commas: a file of
 * this folder (`round-runner.ts`) or a subfolder (`items/`, which has its own README and map). The other
 * cells say the entry's one job. Only that table is parsed strictly; the rest of the README is prose.
 */

/** What counts as source: every such file of a folder must be in its map. */
export const SOURCE_EXTENSIONS = ['.ts', '.mts', '.mjs', '.js', '.cjs'];

export interface MapEntry {
  name: string;
  /** 1-based line of the README the entry is on. */
  line: number;
}

export interface ParsedMap {
  entries: MapEntry[];
  problems: string[];
}

const ENTRY = /^`([A-Za-z0-9._-]+\/?)`$/;

function cellsOf(row: string): string[] {
  const trimmed = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return trimmed.split('|').map((cell) => cell.trim());
}

const isTableRow = (line: string) => line.trim().startsWith('|');
const isSeparator = (line: string) => /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(line.trim());

/** The module map of one README's text; `problems` says what about it is malformed. */
export function parseModuleMap(markdown: string): ParsedMap {
  const lines = markdown.split('\n');
  const tables: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] as string;
    const previous = i > 0 ? (lines[i - 1] as string) : '';
    if (isTableRow(line) && !isTableRow(previous) && isSeparator(lines[i + 1] as string)) {
      if (cellsOf(line)[0]?.toLowerCase() === 'file') tables.push(i);
    }
  }
  if (tables.length === 0) {
    return { entries: [], problems: ['no module map (a table whose header starts with a "file" cell)'] };
  }
  const problems: string[] = [];
  if (tables.length > 1) {
    problems.push(
      `${tables.length} module maps (tables headed "file"); keep one, at lines ${tables.map((t) => t + 1).join(', ')}`,
    );
  }
  const entries: MapEntry[] = [];
  for (let i = (tables[0] as number) + 2; i < lines.length && isTableRow(lines[i] as string); i++) {
    const line = i + 1;
    const [first = '', ...rest] = cellsOf(lines[i] as string);
    if (!rest.some((cell) => cell !== '')) problems.push(`line ${line}: the entry says no job`);
    for (const part of first.split(',').map((p) => p.trim())) {
      const match = ENTRY.exec(part);
      if (!match) {
        problems.push(
          `line ${line}: "${part}" is not an entry: write \`file.ts\` or \`subfolder/\`, comma-separated`,
        );
        continue;
      }
      entries.push({ name: match[1] as string, line });
    }
  }
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.name)) problems.push(`line ${entry.line}: \`${entry.name}\` is listed twice`);
    seen.add(entry.name);
  }
  return { entries, problems };
}

const isSource = (name: string) => SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext));
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** True when the folder or any folder below it holds a source file. */
export function holdsSources(folder: string): boolean {
  return readdirSync(folder, { withFileTypes: true }).some((entry) =>
    entry.isDirectory()
      ? !SKIPPED_FOLDERS.has(entry.name) && holdsSources(join(folder, entry.name))
      : isSource(entry.name),
  );
}

/** The folder and every folder below it that holds sources: each needs a README with a map. */
export function foldersNeedingMaps(root: string): string[] {
  if (!holdsSources(root)) return [];
  const below = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name))
    .flatMap((entry) => foldersNeedingMaps(join(root, entry.name)));
  return [root, ...below];
}

/**
 * Everything wrong with one folder's map, each problem naming the file and the README: a source file or
 * subfolder with sources that the map leaves out, an entry that does not exist, a malformed map.
 * `base` is what paths in the messages are relative to (the repository root).
 */
export function checkFolderMap(folder: string, base = folder): string[] {
  const readme = join(folder, 'README.md');
  const shown = (path: string) => relative(base, path) || '.';
  if (!existsSync(readme)) {
    return [`${shown(folder)}/ holds source files but has no README.md with a module map`];
  }
  const { entries, problems } = parseModuleMap(readFileSync(readme, 'utf8'));
  const found = problems.map((problem) => `${shown(readme)}: ${problem}`);
  const listed = new Set(entries.map((entry) => entry.name));
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name) || !holdsSources(join(folder, entry.name))) continue;
      if (!listed.has(`${entry.name}/`)) {
        found.push(`${shown(join(folder, entry.name))}/ is missing from the module map in ${shown(readme)}`);
      }
    } else if (isSource(entry.name) && !listed.has(entry.name)) {
      found.push(`${shown(join(folder, entry.name))} is missing from the module map in ${shown(readme)}`);
    }
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const folderEntry = entry.name.endsWith('/');
    const exists = existsSync(path) && statSync(path).isDirectory() === folderEntry;
    if (!exists) {
      found.push(
        `${shown(readme)} line ${entry.line}: \`${entry.name}\` is in the module map but there is no such ${folderEntry ? 'folder' : 'file'}`,
      );
    }
  }
  return found;
}

const REPO_PATH = /`((?:src|test|bench|commands|scripts|data|docs|deploy|drizzle)\/[^`\s]*)`/g;
const RELATIVE_LINK = /\]\((\.{1,2}\/[^)#\s]*)(?:#[^)]*)?\)/g;

function globExists(root: string, pattern: string): boolean {
  const [head = '', ...tail] = pattern.split('/');
  if (!head.includes('*')) {
    const path = join(root, head);
    return tail.length === 0 || tail.every((part) => part === '')
      ? existsSync(path)
      : globExists(path, tail.join('/'));
  }
  if (!existsSync(root)) return false;
  const regex = new RegExp(`^${head.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return readdirSync(root)
    .filter((name) => regex.test(name))
    .some((name) => tail.length === 0 || globExists(join(root, name), tail.join('/')));
}

/**
 * Paths a README names anywhere in its text: backticked repository paths (`src/quiz/scoring.ts`,
 * `data/items/*.yaml`) resolved from the repository root, and relative Markdown links from the README's
 * folder. Returns one problem per path that does not exist.
 */
export function checkNamedPaths(readme: string, repoRoot: string): string[] {
  const text = readFileSync(readme, 'utf8');
  const shown = relative(repoRoot, readme);
  const problems: string[] = [];
  for (const match of text.matchAll(REPO_PATH)) {
    const path = (match[1] as string).replace(/[.,:;]$/, '');
    if (!globExists(repoRoot, path)) problems.push(`${shown} names \`${path}\`, which does not exist`);
  }
  for (const match of text.matchAll(RELATIVE_LINK)) {
    const target = join(dirname(readme), match[1] as string);
    if (!existsSync(target)) problems.push(`${shown} links to ${match[1]}, which does not exist`);
  }
  return problems;
}
