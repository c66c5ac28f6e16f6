import { z } from 'zod';
import { domainSchema } from '../types';

/** The YAML shape of one hand-written item (data/items/README.md documents it for writers). */

const text = (max: number) => z.string().trim().min(1).max(max);
const why = z.string().trim().min(40, 'a rationale needs at least 40 characters').max(450);

const optionSchema = z.strictObject({ text: text(200), correct: z.boolean().optional(), why });
const stepSchema = z.strictObject({ text: text(90), why });
const matchOptionSchema = z.strictObject({ text: text(90), why });
const promptSchema = z.strictObject({ text: text(140), answer: text(90) });
const quoteSchema = z.strictObject({ line: z.number().int().positive(), quote: z.string().trim().min(12) });

const common = {
  id: z.string().regex(/^aif-\d{3}-[a-z0-9]+(-[a-z0-9]+)*$/, 'id must look like aif-113-some-slug'),
  domain: domainSchema,
  objectives: z.array(z.string().regex(/^[1-5]\.\d\.\d$/)).min(1),
  services: z.array(z.string().min(1)).default([]),
  scenario: z.boolean(),
  stem: text(900),
  sources: z.array(quoteSchema).optional(),
  beyond: z.boolean().optional(),
  doc: z.string().url().startsWith('https://').optional(),
};

export const itemSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ ...common, type: z.literal('single'), options: z.array(optionSchema).length(4) }),
    z.strictObject({ ...common, type: z.literal('multi'), options: z.array(optionSchema).min(5).max(6) }),
    z.strictObject({ ...common, type: z.literal('order'), steps: z.array(stepSchema).min(3).max(5) }),
    z.strictObject({
      ...common,
      type: z.literal('match'),
      prompts: z.array(promptSchema).min(3).max(4),
      options: z.array(matchOptionSchema).min(3).max(5),
    }),
  ])
  .superRefine((item, ctx) => {
    if (item.beyond) {
      if (!item.doc)
        ctx.addIssue({ code: 'custom', message: 'a beyond item needs doc: <AWS documentation URL>' });
      if (item.sources?.length)
        ctx.addIssue({ code: 'custom', message: 'a beyond item has no sources (it rests on doc)' });
    } else if (!item.sources?.length) {
      ctx.addIssue({
        code: 'custom',
        message: 'needs sources (note line + quote), or beyond: true with doc',
      });
    }
    if (item.type === 'single' || item.type === 'multi') {
      const correct = item.options.filter((o) => o.correct).length;
      if (item.type === 'single' && correct !== 1)
        ctx.addIssue({ code: 'custom', message: `single needs exactly 1 correct option, has ${correct}` });
      if (item.type === 'multi') {
        if (correct < 2 || correct > 3)
          ctx.addIssue({ code: 'custom', message: `multi needs 2 or 3 correct options, has ${correct}` });
        const word = correct === 3 ? 'TRÊS' : 'DUAS';
        if (!new RegExp(`\\(Escolha ${word}\\.\\)$`).test(item.stem))
          ctx.addIssue({ code: 'custom', message: `multi stem must end with "(Escolha ${word}.)"` });
      }
    }
    if (item.type === 'match') {
      const texts = item.options.map((o) => o.text);
      for (const prompt of item.prompts) {
        if (!texts.includes(prompt.answer))
          ctx.addIssue({ code: 'custom', message: `prompt answer "${prompt.answer}" is not an option text` });
      }
      if (new Set(texts).size !== texts.length)
        ctx.addIssue({ code: 'custom', message: 'two match options have the same text' });
    }
  });

export type Item = z.infer<typeof itemSchema>;
