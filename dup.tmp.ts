import { buildDeckDetailed } from './src/deck/build';
import { significantWords } from './src/deck/text';
import { readFileSync } from 'node:fs';
const r = buildDeckDetailed(readFileSync('data/notes/aif-c01.pt-BR.md','utf8'), {file:'n', lint:false});
const exam = r.deck.questions.filter(q => q.tier === 'exam');
const sig = (q: any) => new Set([...significantWords(q.stem), ...q.answers.flatMap((a: number) => significantWords(q.options[a] ?? ''))]);
const sets = exam.map(q => [q, sig(q)] as const);
const out: string[] = [];
for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) {
  const [a, sa] = sets[i]!; const [b, sb] = sets[j]!;
  let shared = 0; for (const w of sa) if (sb.has(w)) shared++;
  const jac = shared / (sa.size + sb.size - shared);
  const keyA = a.answers.map((x: number) => a.options[x]).join('|'), keyB = b.answers.map((x: number) => b.options[x]).join('|');
  if (jac > 0.3 || (keyA === keyB && a.type === 'single' && b.type === 'single')) out.push(`${jac.toFixed(2)} ${a.id} ${b.id} key:${keyA === keyB ? 'same' : 'diff'}`);
}
console.log(out.sort().reverse().join('\n'));
