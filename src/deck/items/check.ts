import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { loadDeckData } from '../data';
import { applyErrata } from '../errata';
import { loadExamGuide } from '../guide';
import { lintQuestion } from '../lint';
import { ServiceRegistry } from '../services';
import { formatItemFinding, loadItems, readItemFiles, type ItemFile } from './load';

/**
 * `npm run deck -- items-check [file…]`: every finding of the bank's own checks and of the deck lint,
 * one `file:line: id: problem` line each, then a count line, for writers.
 */
export function itemsCheck(notes: string, paths: readonly string[]): { lines: string[]; ok: boolean } {
  const files: ItemFile[] =
    paths.length > 0
      ? paths.map((p) => ({ file: relative(process.cwd(), p) || p, text: readFileSync(p, 'utf8') }))
      : readItemFiles();
  const data = loadDeckData();
  const services = new ServiceRegistry(data.services);
  const { markdown: corrected } = applyErrata(notes, data.errata, 'notes');
  const loaded = loadItems(files, { notes, corrected, guide: loadExamGuide(), services });
  const lines = loaded.findings.map(formatItemFinding);
  for (const [file, questions] of loaded.byFile) {
    for (const q of questions) {
      lintQuestion(q, { errata: data.errata, services }, (rule, message) =>
        lines.push(`${file}: ${q.id}: ${rule}: ${message}`),
      );
    }
  }
  const count = [...loaded.byFile.values()].reduce((n, qs) => n + qs.length, 0);
  const ok = lines.length === 0;
  lines.push(`${count} item(s) in ${files.length} file(s), ${lines.length} finding(s)`);
  return { lines, ok };
}
