import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { ExamGuide } from '../guide';
import type { ServiceRegistry } from '../services';
import type { Question } from '../types';
import { lintItem } from './lint-items';
import { itemSchema, type Item } from './schema';
import { indexNotes, resolveQuotes } from './sources';
import { itemToQuestion } from './to-question';

export const DEFAULT_ITEMS_DIR = fileURLToPath(new URL('../../../data/items', import.meta.url));

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

export interface ItemContext {
  notes: string;
  /** The notes with the errata applied: a quote that is no longer there rests on a corrected statement. */
  corrected?: string;
  guide: ExamGuide;
  services: ServiceRegistry;
}

export interface LoadedItems {
  questions: Question[];
  findings: ItemFinding[];
  /** Items per file (for the coverage report and items-check). */
  byFile: Map<string, Question[]>;
}

/** Parses, validates and converts every item; a defect becomes a finding naming the file, line and id. */
export function loadItems(files: readonly ItemFile[], context: ItemContext): LoadedItems {
  const notes = indexNotes(context.notes);
  const corrected = context.corrected === undefined ? undefined : indexNotes(context.corrected);
  const questions: Question[] = [];
  const findings: ItemFinding[] = [];
  const byFile = new Map<string, Question[]>();
  const seen = new Map<string, string>();
  for (const { file, text } of files) {
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const line = e.linePos?.[0]?.line;
        findings.push({ file, ...(line ? { line } : {}), message: `YAML: ${e.message.split('\n')[0]}` });
      }
      continue;
    }
    const root = doc.contents;
    if (!isSeq(root)) {
      findings.push({ file, message: 'the file must be a YAML list of items' });
      continue;
    }
    const inFile: Question[] = [];
    // Resolved as a whole, so YAML anchors and aliases shared between items work.
    const values = doc.toJS() as unknown[];
    root.items.forEach((node, index) => {
      const raw: unknown = values[index];
      const line = isMap(node) && node.range ? counter.linePos(node.range[0]).line : undefined;
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
