import { describe, expect, it } from 'vitest';
import { buildDeckDetailed } from '../../src/deck/build';
import { computeCoverage } from '../../src/deck/coverage';
import { DeckLintError } from '../../src/deck/errors';
import { loadExamGuide } from '../../src/deck/guide';
import { EXAM_DOMAINS } from '../../src/deck/types';
import { NOTES, NOTES_FILE, notesWith, shippedDeck } from './helpers';

const guide = loadExamGuide();

describe('the exam tier (data/items)', () => {
  const { deck } = shippedDeck();
  const exam = deck.questions.filter((q) => q.tier === 'exam');
  const share = (pred: (q: (typeof exam)[number]) => boolean) => exam.filter(pred).length / exam.length;

  it('has at least 400 items, each domain within 3 points of its exam weight', () => {
    expect(exam.length).toBeGreaterThanOrEqual(400);
    for (const domain of [1, 2, 3, 4, 5] as const) {
      const got = share((q) => q.domain === domain);
      expect(Math.abs(got - EXAM_DOMAINS[domain].weight), `domain ${domain}: ${got}`).toBeLessThanOrEqual(
        0.03,
      );
    }
  });

  it('is mostly scenarios, in the exam formats: multi ≥ 12%, order ≥ 4%, match ≥ 4%', () => {
    expect(share((q) => q.scenario)).toBeGreaterThanOrEqual(0.65);
    expect(share((q) => q.type === 'multi')).toBeGreaterThanOrEqual(0.12);
    expect(share((q) => q.type === 'order')).toBeGreaterThanOrEqual(0.04);
    expect(share((q) => q.type === 'match')).toBeGreaterThanOrEqual(0.04);
    expect(new Set(exam.map((q) => q.type))).toEqual(new Set(['single', 'multi', 'order', 'match']));
  });

  it('tests every one of the 69 objectives of the v1.1 guide with at least 3 items', () => {
    expect(guide.objectives).toHaveLength(69);
    const coverage = computeCoverage(deck, guide);
    expect(coverage.thin.map((c) => c.objective.id)).toEqual([]);
  });

  it('gives every item a rationale per option, objectives, and a source or a documentation page', () => {
    for (const q of exam) {
      expect(q.rationales, q.id).toHaveLength(q.options.length);
      expect(q.objectives.length, q.id).toBeGreaterThan(0);
      if (q.beyond)
        expect(q.doc, q.id).toMatch(
          /^https:\/\/([a-z0-9-]+\.)*(aws\.amazon\.com|amazon\.com|awsstatic\.com)\//,
        );
      else expect(q.sources.length, q.id).toBeGreaterThan(0);
      if (q.type === 'match') expect(q.answers).toHaveLength(q.prompts!.length);
    }
  });

  it('feeds every section of the notes (## to ####) into at least one item', () => {
    const lines = NOTES.split('\n');
    const headings = lines.flatMap((line, i) => {
      const m = /^(#{2,4})\s+(.*)$/.exec(line);
      return m ? [{ line: i + 1, depth: m[1]!.length, title: m[2]!.trim() }] : [];
    });
    const cited = exam.flatMap((q) => q.sources.map((s) => s.line));
    for (const [i, h] of headings.entries()) {
      // A section runs to the next heading of its depth or above (its subsections included).
      const next = headings.slice(i + 1).find((x) => x.depth <= h.depth);
      const end = (next?.line ?? lines.length + 1) - 1;
      // "Links Úteis" itself is links to the exam guide and courses; its subsections are checked one by one.
      if (h.title === 'Links Úteis') continue;
      expect(
        cited.some((l) => l >= h.line && l <= end),
        `${h.title} (line ${h.line})`,
      ).toBe(true);
    }
    expect(headings.length).toBeGreaterThan(50);
  });

  it('names the item whose quoted passage is no longer in the notes', () => {
    const quoted = 'Útil em problemas de regressão como previsão de preços de casas ou valores de ações.';
    const citing = exam.filter((q) => q.sources.some((s) => s.quote === quoted)).map((q) => q.id);
    expect(citing.length).toBeGreaterThan(0);
    const edited = notesWith(quoted, 'Útil em problemas de regressão como previsão de demanda de energia.');
    let error: unknown;
    try {
      buildDeckDetailed(edited, { file: NOTES_FILE });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeckLintError);
    const findings = (error as DeckLintError).findings.filter((f) => f.rule === 'item');
    expect(findings.map((f) => f.questionId).sort()).toEqual([...citing].sort());
    for (const f of findings) expect(f.message).toContain('no longer in the notes');
  });

  it('follows the notes when a quoted line only moves', () => {
    const shifted = notesWith('## Links Úteis', '## Links Úteis\n\nUma linha nova.\n');
    const added = shifted.split('\n').length - NOTES.split('\n').length;
    const after = buildDeckDetailed(shifted, { file: NOTES_FILE }).deck;
    const before = new Map(exam.map((q) => [q.id, q]));
    for (const q of after.questions.filter((x) => x.tier === 'exam' && !x.beyond)) {
      const old = before.get(q.id)!;
      expect(q.sources.map((s) => s.line)).toEqual(old.sources.map((s) => s.line + added));
    }
  });
});
