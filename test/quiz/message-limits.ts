import { embedLength, type APIEmbed } from 'discord.js';
import type { QuizMessagePayload } from '../../src/quiz/render';

/** Every Discord limit a quiz message can run into; returns the broken ones (empty = fits). */
export function messageLimitProblems(payload: QuizMessagePayload): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(payload.embeds.length <= 10, 'more than 10 embeds');
  const total = payload.embeds.reduce((sum, e: APIEmbed) => sum + embedLength(e), 0);
  check(total <= 6000, `embeds total ${total} > 6000`);
  for (const embed of payload.embeds) {
    check((embed.title ?? '').length <= 256, 'title > 256');
    check((embed.description ?? '').length <= 4096, 'description > 4096');
    check((embed.fields ?? []).length <= 25, 'more than 25 fields');
    for (const field of embed.fields ?? []) {
      check(field.name.length >= 1 && field.name.length <= 256, `field name "${field.name}"`);
      check(
        field.value.length >= 1 && field.value.length <= 1024,
        `field "${field.name}" value ${field.value.length}`,
      );
    }
    check((embed.footer?.text ?? '').length <= 2048, 'footer > 2048');
  }
  check(payload.components.length <= 5, 'more than 5 rows');
  for (const row of payload.components) {
    const children = row.components as unknown as Array<Record<string, unknown>>;
    const buttons = children.filter((c) => c.type === 2);
    check(buttons.length <= 5, 'more than 5 buttons in a row');
    check(buttons.length === 0 || buttons.length === children.length, 'a select shares a row');
    for (const c of children) {
      const customId = String(c.custom_id ?? '');
      check(customId.length >= 1 && customId.length <= 100, `custom_id ${customId}`);
      if (c.type === 2) check(String(c.label ?? '').length <= 80, `button label ${String(c.label)}`);
      if (c.type === 3) {
        const options = c.options as Array<{ label: string; value: string }>;
        check(options.length <= 25, 'select with more than 25 options');
        for (const o of options)
          check(o.label.length <= 100 && o.value.length <= 100, `select option ${o.label}`);
      }
    }
  }
  return problems;
}
