import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findImportProblems } from '../../scripts/check-imports';

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

function project(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'exam-drill-imports-'));
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { moduleResolution: 'Bundler' } }),
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('findImportProblems', () => {
  it('finds a cycle, even one made of type imports', async () => {
    const dir = project({
      'src/a.ts': "import type { B } from './b';\nexport type A = B[];\n",
      'src/b.ts': "import type { A } from './a';\nexport type B = { a: A };\n",
      'src/c.ts': "import type { A } from './a';\nexport const c: A = [];\n",
    });
    const { cycles } = await findImportProblems(dir, ['src']);
    expect(cycles).toEqual([['src/a.ts', 'src/b.ts']]);
  });

  it('refuses src/discord importing a feature, allows src/shared', async () => {
    const dir = project({
      'src/discord/router.ts':
        "import { log } from '../shared/log';\nimport { quiz } from '../quiz/quiz';\nexport const r = [log, quiz];\n",
      'src/shared/log.ts': 'export const log = 1;\n',
      'src/quiz/quiz.ts': "import { r } from '../discord/other';\nexport const quiz = r;\n",
      'src/discord/other.ts': 'export const r = 2;\n',
    });
    const problems = await findImportProblems(dir, ['src']);
    expect(problems.cycles).toEqual([]);
    expect(problems.forbidden).toEqual([
      expect.stringMatching(/^src\/discord\/router\.ts → src\/quiz\/quiz\.ts/),
    ]);
  });

  it('passes on this repository', async () => {
    const problems = await findImportProblems(process.cwd(), ['src', 'commands', 'bench', 'test', 'scripts']);
    expect(problems).toEqual({ cycles: [], forbidden: [] });
  });
});
