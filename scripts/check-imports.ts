import { relative } from 'node:path';
import madge from 'madge';

/**
 * The import rules `npm test` enforces: no import cycles anywhere (type-only imports count: a cycle of
 * types is still two modules that cannot be understood apart), and src/discord stays infrastructure,
 * importing nothing but itself and src/shared.
 */
export interface ImportProblems {
  cycles: string[][];
  /** `from → to` pairs that break a folder rule. */
  forbidden: string[];
}

const RULES: { folder: string; mayImport: string[]; why: string }[] = [
  {
    folder: 'src/discord/',
    mayImport: ['src/discord/', 'src/shared/'],
    why: 'src/discord is infrastructure (router, custom_id codec, replies) and imports no feature',
  },
];

export async function findImportProblems(root: string, folders: string[]): Promise<ImportProblems> {
  const graph = await madge(
    folders.map((folder) => `${root}/${folder}`),
    {
      baseDir: root,
      fileExtensions: ['ts', 'mts', 'mjs'],
      tsConfig: `${root}/tsconfig.json`,
      detectiveOptions: { ts: { skipTypeImports: false }, es6: { skipTypeImports: false } },
    },
  );
  const forbidden: string[] = [];
  const edges = graph.obj();
  for (const [from, targets] of Object.entries(edges)) {
    const rule = RULES.find((r) => from.startsWith(r.folder));
    if (!rule) continue;
    for (const to of targets) {
      if (!rule.mayImport.some((allowed) => to.startsWith(allowed)))
        forbidden.push(`${from} → ${to} (${rule.why})`);
    }
  }
  return { cycles: graph.circular(), forbidden };
}

const FOLDERS = ['src', 'commands', 'bench', 'test', 'scripts'];

if (process.argv[1] && relative(process.cwd(), process.argv[1]).startsWith('scripts/check-imports')) {
  const { cycles, forbidden } = await findImportProblems(process.cwd(), FOLDERS);
  for (const cycle of cycles) console.error(`import cycle: ${[...cycle, cycle[0]].join(' → ')}`);
  for (const edge of forbidden) console.error(`forbidden import: ${edge}`);
  if (cycles.length + forbidden.length > 0) process.exit(1);
  console.log(`imports ok: no cycles, src/discord imports no feature (${FOLDERS.join(', ')})`);
}
