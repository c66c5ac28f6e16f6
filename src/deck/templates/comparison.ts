import type { Draft } from '../draft';
import type { Fact } from '../facts';
import { choiceQuestion } from './choice';
import type { TemplateContext } from './context';
import { trueFalseQuestion } from './fixed';

/**
 * Tables that compare two things column by column ("ML Tradicional vs Deep Learning"): which
 * characteristic belongs to which side, and true/false with the sides swapped.
 */
export function comparisonQuestions(context: TemplateContext): Draft[] {
  const cells = context.base.facts.filter((f) => f.kind === 'cell' && f.table?.title.includes(' vs '));
  const drafts: (Draft | undefined)[] = [];
  for (const cell of cells) {
    const title = cell.table?.title ?? '';
    const others = cells.filter((c) => c.table?.title === title && c.attribute !== cell.attribute);
    const otherSide = others[0]?.attribute ?? '';
    const counterpart = others.find((c) => c.name === cell.name);
    const common = {
      source: { heading: cell.heading, line: cell.line },
      topic: cell.topic,
      domain: cell.domain,
      services: [],
    };
    drafts.push(
      choiceQuestion({
        template: 'comparison-side',
        identity: cell.key,
        ownText: cell.text,
        type: 'single',
        stem: `Segundo a tabela “${title}”, qual característica é de ${cell.attribute} (e não de ${otherSide})?`,
        correct: [{ text: cell.text, entity: cell.text, note: '' }],
        pool: others.map((o: Fact) => ({
          text: o.text,
          entity: o.text,
          note: `é de ${o.attribute} (${o.name}).`,
        })),
        intro: `${cell.name}: ${cell.attribute} — ${cell.text}; ${otherSide} — ${counterpart?.text ?? ''}.`,
        ...common,
      }),
    );
    drafts.push(
      trueFalseQuestion({
        template: 'comparison-true',
        identity: cell.key,
        ownText: cell.text,
        stem: `Verdadeiro ou falso?\nEm “${cell.name}”, ${cell.attribute}: “${cell.text}”.`,
        isTrue: true,
        explanation: `Verdadeiro (tabela “${title}”).`,
        ...common,
      }),
    );
    if (counterpart) {
      drafts.push(
        trueFalseQuestion({
          template: 'comparison-swapped',
          identity: cell.key,
          ownText: cell.text,
          stem: `Verdadeiro ou falso?\nEm “${cell.name}”, ${cell.attribute}: “${counterpart.text}”.`,
          isTrue: false,
          explanation: `Falso. “${counterpart.text}” é de ${counterpart.attribute}; ${cell.attribute}: “${cell.text}”.`,
          ...common,
        }),
      );
    }
  }
  return drafts.filter((d): d is Draft => d !== undefined);
}
