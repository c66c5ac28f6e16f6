import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const deck = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'src/deck/cli.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('deck CLI', () => {
  it('exports the same bytes twice and shows a question by id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-cli-'));
    const a = deck('export', join(dir, 'a.json'));
    const b = deck('export', join(dir, 'b.json'));
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    const bytes = readFileSync(join(dir, 'a.json'));
    expect(bytes.equals(readFileSync(join(dir, 'b.json')))).toBe(true);
    const doc = JSON.parse(bytes.toString('utf8')) as { questions: { id: string }[] };
    const id = doc.questions[0]!.id;
    const shown = deck('show', id);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(`[${id}]`);
    expect(shown.stdout).toContain('=> ');
  }, 180_000);

  it('rejects an unknown command with a usage message', () => {
    const result = deck('frobnicate');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/unknown command/);
  }, 60_000);
});
