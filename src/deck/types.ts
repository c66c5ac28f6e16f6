import { z } from 'zod';

/** The five AIF-C01 exam domains and their weights on the exam. */
export const EXAM_DOMAINS = {
  1: { weight: 0.2, 'pt-BR': 'Fundamentos de IA e ML', 'en-US': 'Fundamentals of AI and ML' },
  2: { weight: 0.24, 'pt-BR': 'Fundamentos de IA generativa', 'en-US': 'Fundamentals of Generative AI' },
  3: {
    weight: 0.28,
    'pt-BR': 'Aplicações de modelos de fundação',
    'en-US': 'Applications of Foundation Models',
  },
  4: { weight: 0.14, 'pt-BR': 'Diretrizes para IA responsável', 'en-US': 'Guidelines for Responsible AI' },
  5: {
    weight: 0.14,
    'pt-BR': 'Segurança, conformidade e governança',
    'en-US': 'Security, Compliance, and Governance for AI Solutions',
  },
} as const;

export const domainSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export type ExamDomain = z.infer<typeof domainSchema>;

export const sourceSchema = z.object({
  /** Heading path in the notes, e.g. "O Pipeline de Machine Learning (ML) > 6. Treinar, Ajustar e Avaliar o Modelo". */
  heading: z.string().min(1),
  /** 1-based line in the notes file; 0 for an item that rests on AWS documentation only ("beyond"). */
  line: z.number().int().nonnegative(),
});
export type Source = z.infer<typeof sourceSchema>;

/** A passage of the notes that supports the answer: its current line and the quoted words. */
export const quoteSchema = z.object({ line: z.number().int().positive(), quote: z.string().min(1) });
export type SourceQuote = z.infer<typeof quoteSchema>;

/**
 * Question formats. `truefalse` is kept only so old answers still parse: no tier produces it any more
 * (the exam has no true/false items).
 */
export const questionTypeSchema = z.enum(['single', 'multi', 'truefalse', 'order', 'match']);
export type QuestionType = z.infer<typeof questionTypeSchema>;

/** exam: the hand-written item bank (data/items); drill: questions generated from the notes. */
export const tierSchema = z.enum(['exam', 'drill']);
export type Tier = z.infer<typeof tierSchema>;

/**
 * One drill question.
 * - single: 4 options, answers has one index.
 * - multi: "choose TWO" of 5 options, answers has two indexes.
 * - truefalse: options ["Verdadeiro", "Falso"], answers has one index.
 * - order: options are the items as shown (shuffled); answers lists option indexes in the right order.
 * - match: prompts[i] is matched to options[answers[i]] (3–4 prompts, 3–5 options).
 */
export const questionSchema = z.object({
  id: z.string().min(1),
  type: questionTypeSchema,
  stem: z.string().min(1),
  options: z.array(z.string().min(1)).min(2),
  answers: z.array(z.number().int().nonnegative()).min(1),
  explanation: z.string().min(1),
  source: sourceSchema,
  topic: z.string().min(1),
  domain: domainSchema,
  /** Official names of the AWS services this question is about (for service cards and "test me"). */
  services: z.array(z.string()),
  tier: tierSchema,
  /** Exam-guide objective ids ("1.1.3") the question tests; the first is the main one. */
  objectives: z.array(z.string().regex(/^[1-5]\.\d\.\d$/)),
  /** Why each option is right or wrong here, one per option. */
  rationales: z.array(z.string().min(1)),
  /** Rests on AWS documentation rather than the notes ("além das notas"). */
  beyond: z.boolean(),
  /** The AWS documentation page a `beyond` item rests on. */
  doc: z.string().url().optional(),
  /** Note passages supporting the answer; empty only when `beyond`. */
  sources: z.array(quoteSchema),
  /** match only: the prompts, each answered by options[answers[i]]. */
  prompts: z.array(z.string().min(1)).optional(),
  /** The stem is a scenario (who, need, deciding constraint). */
  scenario: z.boolean(),
});
export type Question = z.infer<typeof questionSchema>;

export const serviceCardSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()),
  category: z.string().min(1),
  /** What it does, merged from every mention in the notes. */
  summary: z.string().min(1),
  /** When to pick it on the exam (a short cue). */
  examTip: z.string().min(1),
  confusedWith: z.array(z.string()),
  sections: z.array(sourceSchema).min(1),
  questionIds: z.array(z.string()),
});
export type ServiceCard = z.infer<typeof serviceCardSchema>;

/** What the build made of the notes, for the host's start-up summary and `npm run deck -- stats`. */
export const buildReportSchema = z.object({
  /** Errata applied, of those curated; none when they were written for other notes. */
  errataApplied: z.number().int(),
  errataTotal: z.number().int(),
  /** Whether the exam item bank was written for these notes (matched by content). */
  bankApplies: z.boolean(),
  /** `##` sections of the notes that gave no question (too few entries, or nothing the templates use). */
  sectionsWithoutQuestions: z.array(z.string()),
});
export type BuildReport = z.infer<typeof buildReportSchema>;

export const deckSchema = z.object({
  notesSha256: z.string().regex(/^[0-9a-f]{64}$/),
  questions: z.array(questionSchema),
  services: z.array(serviceCardSchema),
  report: buildReportSchema.optional(),
});
export type Deck = z.infer<typeof deckSchema>;
