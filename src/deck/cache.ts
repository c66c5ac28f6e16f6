import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT as ROOT, projectPath } from '../shared/project-root';
import { sha256 } from './hash';
import { deckSchema, type Deck } from './types';

/**
 * The built deck, kept on disk under a key made of everything it is built from: the notes, the curated
 * data files, the item bank and the deck builder's own source. Any change to one of them is a new key, so
 * a cached deck is always the one a fresh build would give (and a fresh build only lands in the cache
 * after its lint passed). Start-up then reads JSON instead of parsing, generating and linting.
 */

const DEFAULT_DIR = join(ROOT, 'node_modules', '.cache', 'exam-drill');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, keep);
    return keep(name) ? [path] : [];
  });
}

/**
 * The deck builder's code: src/deck, which ships in the repository and is the same whether the bot runs
 * from src/ or bundled in dist/. An install without src/ hashes the bundle it runs from instead.
 */
const BUILDER_SOURCES = existsSync(projectPath('src', 'deck'))
  ? projectPath('src', 'deck')
  : import.meta.dirname;

/** The key of a build of these notes: their text, data/ (but the notes themselves) and the deck builder. */
export function deckCacheKey(notes: string): string {
  const inputs = [
    ...filesUnder(join(ROOT, 'data'), (n) => /\.(json|ya?ml)$/.test(n)),
    ...filesUnder(BUILDER_SOURCES, (n) => /\.(ts|js)$/.test(n)),
  ];
  const parts = [notes, ...inputs.map((p) => `${p.slice(ROOT.length)}\n${readFileSync(p, 'utf8')}`)];
  return sha256(parts.join('\u0000')).slice(0, 32);
}

export interface DeckCache {
  read(key: string): Deck | undefined;
  write(key: string, deck: Deck): void;
}

/** A cache in a folder (default node_modules/.cache/exam-drill); an unreadable or unwritable one is skipped. */
export function folderCache(dir: string = process.env.DECK_CACHE_DIR ?? DEFAULT_DIR): DeckCache {
  const file = (key: string) => join(dir, `deck-${key}.json`);
  return {
    read(key) {
      try {
        return deckSchema.parse(JSON.parse(readFileSync(file(key), 'utf8')));
      } catch {
        return undefined;
      }
    },
    write(key, deck) {
      try {
        mkdirSync(dir, { recursive: true });
        // Write then rename, so a reader never sees half a file.
        const temp = `${file(key)}.${process.pid}.tmp`;
        writeFileSync(temp, JSON.stringify(deck));
        renameSync(temp, file(key));
      } catch {
        // A read-only install still works; it just builds at every start.
      }
    },
  };
}
