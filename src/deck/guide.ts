import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Locale } from '../shared/i18n';
import { projectPath } from '../shared/project-root';
import { domainSchema, type ExamDomain } from './types';

/**
 * The AIF-C01 exam guide (v1.1) in short: domains, tasks and objectives with their named examples, the
 * services in scope and the renames (data/aif-c01-guide.json, a copy of the shared guide file).
 */
const objectiveSchema = z.object({
  id: z.string(),
  summary: z.string(),
  examples: z.array(z.string()),
  newIn: z.string().optional(),
});
const guideSchema = z.object({
  exam: z.object({ code: z.string(), guideVersion: z.string() }).passthrough(),
  domains: z.array(
    z.object({
      id: domainSchema,
      name: z.string(),
      weight: z.number(),
      tasks: z.array(z.object({ id: z.string(), summary: z.string(), objectives: z.array(objectiveSchema) })),
    }),
  ),
  servicesInScope: z.array(z.object({ name: z.string(), category: z.string() })),
  renamed: z.array(z.object({ old: z.string(), new: z.string() })),
});

export interface Objective {
  id: string;
  domain: ExamDomain;
  task: string;
  /** The guide's paraphrase, in English. */
  summary: string;
  /** What members see: our own short titles (data/objectives.pt-BR.json), the summary in English. */
  title: Record<Locale, string>;
  examples: string[];
  newIn?: string;
}

export interface ExamGuide {
  version: string;
  objectives: Objective[];
  objectiveById: Map<string, Objective>;
  servicesInScope: string[];
  renamed: { old: string; new: string }[];
}

let cached: ExamGuide | undefined;

export function loadExamGuide(): ExamGuide {
  if (cached) return cached;
  const path = projectPath('data', 'aif-c01-guide.json');
  const raw = guideSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const titlesPath = projectPath('data', 'objectives.pt-BR.json');
  const titles = z
    .record(z.string(), z.string().min(1).max(100))
    .parse(JSON.parse(readFileSync(titlesPath, 'utf8')));
  const objectives = raw.domains.flatMap((d) =>
    d.tasks.flatMap((t) =>
      t.objectives.map((o) => ({
        ...o,
        domain: d.id,
        task: t.id,
        title: { 'pt-BR': titles[o.id] ?? o.summary, 'en-US': o.summary },
      })),
    ),
  );
  cached = {
    version: raw.exam.guideVersion,
    objectives,
    objectiveById: new Map(objectives.map((o) => [o.id, o])),
    servicesInScope: raw.servicesInScope.map((s) => s.name),
    renamed: raw.renamed,
  };
  return cached;
}
