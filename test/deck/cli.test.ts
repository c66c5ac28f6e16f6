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
    const doc = JSON.parse(bytes.toString('utf8')) as {
      questions: {
        id: string;
        type: string;
        tier: string;
        options: string[];
        answers: number[];
        objectives: string[];
        rationales: string[];
        beyond: boolean;
        sources: { line: number; quote: string }[];
        prompts?: string[];
      }[];
    };
    // The contract of the deck issue, plus the tiers' fields.
    for (const q of doc.questions) {
      expect(['exam', 'drill']).toContain(q.tier);
      expect(q.rationales).toHaveLength(q.options.length);
      expect(q.rationales.every((r) => r.length > 0)).toBe(true);
      expect(typeof q.beyond).toBe('boolean');
      if (!q.beyond) expect(q.sources.length).toBeGreaterThan(0);
      if (q.tier === 'exam') expect(q.objectives.length).toBeGreaterThan(0);
      if (q.type === 'match') {
        expect(q.answers).toHaveLength(q.prompts!.length);
        expect(q.answers.every((a) => a >= 0 && a < q.options.length)).toBe(true);
      }
      if (q.type === 'order')
        expect([...q.answers].sort((a, b) => a - b)).toEqual(q.options.map((_, i) => i));
    }
    expect(doc.questions.some((q) => q.type === 'match')).toBe(true);
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
