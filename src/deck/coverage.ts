import type { ExamGuide, Objective } from './guide';
import { EXAM_DOMAINS, type Deck, type ExamDomain } from './types';

export interface ObjectiveCoverage {
  objective: Objective;
  /** Exam-tier items that test it and rest on the notes. */
  fromNotes: number;
  /** Exam-tier items that test it from AWS documentation ("além das notas"). */
  beyond: number;
}

export interface DomainCoverage {
  domain: ExamDomain;
  weight: number;
  items: number;
  share: number;
  objectives: ObjectiveCoverage[];
}

export interface Coverage {
  examItems: number;
  drillQuestions: number;
  domains: DomainCoverage[];
  /** Objectives no item from the notes tests: what the notes miss. */
  notCoveredByNotes: Objective[];
  /** Objectives with fewer than `minimum` exam items. */
  thin: ObjectiveCoverage[];
  scenarioShare: number;
  typeShares: Record<string, number>;
}

export const MINIMUM_ITEMS_PER_OBJECTIVE = 3;

/** How the exam tier covers the guide: per domain and objective, from the notes or beyond them. */
export function computeCoverage(deck: Deck, guide: ExamGuide): Coverage {
  const exam = deck.questions.filter((q) => q.tier === 'exam');
  const byObjective = new Map<string, { fromNotes: number; beyond: number }>();
  for (const q of exam) {
    for (const id of q.objectives) {
      const entry = byObjective.get(id) ?? { fromNotes: 0, beyond: 0 };
      if (q.beyond) entry.beyond++;
      else entry.fromNotes++;
      byObjective.set(id, entry);
    }
  }
  const all = guide.objectives.map((objective) => ({
    objective,
    ...(byObjective.get(objective.id) ?? { fromNotes: 0, beyond: 0 }),
  }));
  const domains = ([1, 2, 3, 4, 5] as const).map((domain) => {
    const items = exam.filter((q) => q.domain === domain).length;
    return {
      domain,
      weight: EXAM_DOMAINS[domain].weight,
      items,
      share: exam.length === 0 ? 0 : items / exam.length,
      objectives: all.filter((c) => c.objective.domain === domain),
    };
  });
  const types: Record<string, number> = {};
  for (const q of exam) types[q.type] = (types[q.type] ?? 0) + 1;
  for (const t of Object.keys(types)) types[t] = (types[t] ?? 0) / exam.length;
  return {
    examItems: exam.length,
    drillQuestions: deck.questions.length - exam.length,
    domains,
    notCoveredByNotes: all.filter((c) => c.fromNotes === 0).map((c) => c.objective),
    thin: all.filter((c) => c.fromNotes + c.beyond < MINIMUM_ITEMS_PER_OBJECTIVE),
    scenarioShare: exam.length === 0 ? 0 : exam.filter((q) => q.scenario).length / exam.length,
    typeShares: types,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** `npm run deck -- coverage`: one line per domain and objective. */
export function formatCoverage(coverage: Coverage): string[] {
  const lines = [
    `exam tier: ${coverage.examItems} items (scenarios ${pct(coverage.scenarioShare)}; ` +
      Object.entries(coverage.typeShares)
        .map(([t, s]) => `${t} ${pct(s)}`)
        .join(', ') +
      `); drill tier: ${coverage.drillQuestions} questions`,
  ];
  for (const d of coverage.domains) {
    lines.push(
      '',
      `domain ${d.domain} (${EXAM_DOMAINS[d.domain]['en-US']}): ${d.items} items, ${pct(d.share)} (exam weight ${pct(d.weight)})`,
    );
    for (const o of d.objectives) {
      const flag = o.fromNotes + o.beyond < MINIMUM_ITEMS_PER_OBJECTIVE ? '  << under 3' : '';
      lines.push(
        `  ${o.objective.id.padEnd(6)} ${String(o.fromNotes + o.beyond).padStart(3)} items (notes ${o.fromNotes}, beyond ${o.beyond})  ${o.objective.summary}${flag}`,
      );
    }
  }
  lines.push('', `objectives the notes do not cover (${coverage.notCoveredByNotes.length}):`);
  for (const o of coverage.notCoveredByNotes) lines.push(`  ${o.id} ${o.summary}`);
  return lines;
}
