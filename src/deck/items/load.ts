import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as JsYaml from 'js-yaml';
import type { ItemContext } from './item-context';
import { projectPath } from '../../shared/project-root';
import type { Question } from '../types';
import { lintItem } from './lint-items';
import { itemSchema, type Item } from './schema';
import { indexNotes, resolveQuotes } from './sources';
import { itemToQuestion } from './to-question';

export const DEFAULT_ITEMS_DIR = projectPath('data', 'items');

/** One YAML file of the bank, as read from disk. */
export interface ItemFile {
  /** Shown in findings, e.g. "data/items/d1-1.1-1.2.yaml". */
  file: string;
  text: string;
}

export interface ItemFinding {
  file: string;
  line?: number;
  id?: string;
  message: string;
}

export function formatItemFinding(f: ItemFinding): string {
  return `${f.file}${f.line ? `:${f.line}` : ''}: ${f.id ?? '?'}: ${f.message}`;
}

export function readItemFiles(dir: string = DEFAULT_ITEMS_DIR, label = 'data/items'): ItemFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'));
  } catch {
    return [];
  }
  return names.sort().map((name) => ({
    file: `${label}/${name}`,
    text: readFileSync(join(dir, name), 'utf8'),
  }));
}

export interface LoadedItems {
  questions: Question[];
  findings: ItemFinding[];
  /** Items per file (for the coverage report and items-check). */
  byFile: Map<string, Question[]>;
}

/** The 1-based line where each top-level list entry ("- …") of a YAML file starts. */
function itemLines(text: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^-(\s|$)/.test(line)) lines.push(i + 1);
  });
  return lines;
}

/**
 * js-yaml loads on the first bank parse, not at start-up: a bot that starts from a cached deck
 * (../cache.ts) never parses YAML (as ../markdown.ts does for remark).
 */
let yaml: typeof JsYaml | undefined;
const jsYaml = () => (yaml ??= createRequire(import.meta.url)('js-yaml') as typeof JsYaml);

/** Parses, validates and converts every item; a defect becomes a finding naming the file, line and id. */
export function loadItems(files: readonly ItemFile[], context: ItemContext): LoadedItems {
  const notes = indexNotes(context.notes);
  const corrected = context.corrected === undefined ? undefined : indexNotes(context.corrected);
  const questions: Question[] = [];
  const findings: ItemFinding[] = [];
  const byFile = new Map<string, Question[]>();
  const seen = new Map<string, string>();
  const { load, YAMLException } = jsYaml();
  for (const { file, text } of files) {
    let values: unknown;
    try {
      values = load(text, { filename: file });
    } catch (error) {
      const line = error instanceof YAMLException ? error.mark.line + 1 : undefined;
      const reason = error instanceof YAMLException ? error.reason : String(error);
      findings.push({ file, ...(line ? { line } : {}), message: `YAML: ${reason}` });
      continue;
    }
    if (!Array.isArray(values)) {
      findings.push({ file, message: 'the file must be a YAML list of items' });
      continue;
    }
    const starts = itemLines(text);
    const inFile: Question[] = [];
    values.forEach((raw: unknown, index) => {
      const line = starts[index];
      const id =
        typeof raw === 'object' && raw !== null && 'id' in raw
          ? String((raw as { id: unknown }).id)
          : `#${index + 1}`;
      const report = (message: string) => findings.push({ file, ...(line ? { line } : {}), id, message });
      const parsed = itemSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          report(`${issue.path.join('.') || 'item'}: ${issue.message}`);
        return;
      }
      const item: Item = parsed.data;
      const twin = seen.get(item.id);
      if (twin) report(`duplicate id (also in ${twin})`);
      seen.set(item.id, file);
      const services = lintItem(item, context, report);
      const sources = resolveQuotes(item.sources ?? [], notes, report);
      for (const s of sources) {
        if (corrected && corrected.findQuote(s.quote, s.line) === undefined)
          report(`source line ${s.line} quotes a passage the errata correct or drop: "${s.quote}"`);
      }
      const question = itemToQuestion(item, sources, notes, services);
      questions.push(question);
      inFile.push(question);
    });
    byFile.set(file, inFile);
  }
  return { questions, findings, byFile };
}
