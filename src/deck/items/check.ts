import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { loadDeckData } from '../data';
import { loadExamGuide } from '../guide';
import { lintQuestion } from '../lint';
import { ServiceRegistry } from '../services';
import { formatItemFinding, loadItems, readItemFiles, type ItemFile } from './load';

/**
 * `npm run deck -- items-check [file…]`: every finding of the bank's own checks and of the deck lint,
 * one `file:line: id: problem` line each, for writers. Returns the exit code.
 */
export function itemsCheck(notes: string, paths: readonly string[]): number {
  const files: ItemFile[] =
    paths.length > 0
      ? paths.map((p) => ({ file: relative(process.cwd(), p) || p, text: readFileSync(p, 'utf8') }))
      : readItemFiles();
  const data = loadDeckData();
  const services = new ServiceRegistry(data.services);
  const loaded = loadItems(files, { notes, guide: loadExamGuide(), services });
  const lines = loaded.findings.map(formatItemFinding);
  for (const [file, questions] of loaded.byFile) {
    for (const q of questions) {
      lintQuestion(q, { errata: data.errata, services }, (rule, message) =>
        lines.push(`${file}: ${q.id}: ${rule}: ${message}`),
      );
    }
  }
  for (const line of lines) console.log(line);
  const count = [...loaded.byFile.values()].reduce((n, qs) => n + qs.length, 0);
  console.log(`${count} item(s) in ${files.length} file(s), ${lines.length} finding(s)`);
  return lines.length > 0 ? 1 : 0;
}
