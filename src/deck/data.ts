import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { projectPath } from '../shared/project-root';
import { domainSchema } from './types';

/** The curated data files that go with the notes (service names, overlaps, errata, domains). */

const serviceEntrySchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()),
  /** Wrong names the notes use; rewritten to the official name everywhere. */
  misnomers: z.array(z.string()),
  category: z.string().min(1),
  domain: domainSchema.optional(),
  examTip: z.string().min(1),
});
export type ServiceEntry = z.infer<typeof serviceEntrySchema>;

const overlapSchema = z.object({ members: z.array(z.string()).min(2), reason: z.string().min(1) });
export type Overlap = z.infer<typeof overlapSchema>;

const erratumSchema = z
  .object({
    id: z.string().min(1),
    where: z.string().min(1),
    match: z.string().min(1),
    action: z.enum(['correct', 'drop']),
    replacement: z.string().optional(),
    reason: z.string().min(1),
    /** The AWS documentation page the correction rests on. */
    source: z.string().url().optional(),
  })
  .refine((e) => e.action === 'drop' || (e.replacement !== undefined && !e.replacement.includes('\n')), {
    message: 'a "correct" erratum needs a one-line replacement',
  });
export type Erratum = z.infer<typeof erratumSchema>;

const domainRuleSchema = z.object({
  section: z.string().min(1),
  topic: z.string().min(1).max(100),
  domain: domainSchema,
});
export type DomainRule = z.infer<typeof domainRuleSchema>;

export interface DeckData {
  services: ServiceEntry[];
  overlaps: Overlap[];
  errata: Erratum[];
  domainRules: DomainRule[];
}

function readJson<T>(name: string, schema: z.ZodType<T>): T {
  const path = projectPath('data', name);
  return schema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

let cached: DeckData | undefined;

/** Loaded once per process: the files ship with the code. */
export function loadDeckData(): DeckData {
  cached ??= {
    services: readJson('services.json', z.array(serviceEntrySchema)),
    overlaps: readJson('overlaps.json', z.array(overlapSchema)),
    errata: readJson('errata.json', z.array(erratumSchema)),
    domainRules: readJson('domains.json', z.array(domainRuleSchema)),
  };
  return cached;
}
