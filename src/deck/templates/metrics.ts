import type { Draft } from '../draft';
import type { Fact } from '../facts';
import { clip } from '../text';
import { choiceQuestion } from './choice';
import type { TemplateContext } from './context';
import { trueFalseQuestion } from './fixed';

type Direction = 'lower' | 'higher';

/** "Lower is better" vs "higher is better", read off each metric's "Regra Geral". */
function direction(rule: string): Direction | undefined {
  if (/mais baix|menor/i.test(rule)) return 'lower';
  if (/maior|mais alt/i.test(rule)) return 'higher';
  return undefined;
}

export function metricQuestions(context: TemplateContext): Draft[] {
  const rules = context.base.facts
    .filter((f) => f.kind === 'detail' && f.attribute === 'Regra Geral')
    .map((fact) => ({ fact, direction: direction(fact.text) }))
    .filter((r): r is { fact: Fact; direction: Direction } => r.direction !== undefined);
  const drafts: (Draft | undefined)[] = [];
  for (const { fact, direction: dir } of rules) {
    for (const claim of ['lower', 'higher'] as const) {
      drafts.push(
        trueFalseQuestion({
          template: `metric-direction-${claim}`,
          identity: fact.key,
          ownText: fact.text,
          stem: `Verdadeiro ou falso?\nPara ${fact.name}, um valor mais ${claim === 'lower' ? 'BAIXO' : 'ALTO'} indica melhor desempenho.`,
          isTrue: claim === dir,
          explanation: `${claim === dir ? 'Verdadeiro' : 'Falso'}. Regra geral nas notas: ${clip(fact.text, 400)}`,
          source: { heading: fact.heading, line: fact.line },
          topic: fact.topic,
          domain: fact.domain,
          services: [],
        }),
      );
    }
  }
  for (const dir of ['lower', 'higher'] as const) {
    const right = rules.filter((r) => r.direction === dir);
    const wrong = rules.filter((r) => r.direction !== dir);
    for (let i = 0; i + 1 < right.length; i++) {
      const pair = [right[i], right[i + 1]] as { fact: Fact }[];
      const toOption = (r: { fact: Fact }, note: string) => ({
        text: r.fact.name,
        entity: r.fact.name,
        note,
      });
      drafts.push(
        choiceQuestion({
          template: `metric-direction-multi-${dir}`,
          identity: pair.map((r) => r.fact.key).join('+'),
          ownText: pair.map((r) => r.fact.text).join('|'),
          type: 'multi',
          stem: `Para quais DUAS métricas um valor MAIS ${dir === 'lower' ? 'BAIXO' : 'ALTO'} indica melhor desempenho? (Escolha DUAS.)`,
          correct: pair.map((r) => toOption(r, `Certo: ${r.fact.name}: ${clip(r.fact.text, 150)}`)),
          pool: wrong.map((r) => toOption(r, `${r.fact.name}: ${clip(r.fact.text, 120)}`)),
          intro: pair.map((r) => `${r.fact.name}: ${clip(r.fact.text, 150)}`).join(' '),
          source: { heading: pair[0]!.fact.heading, line: pair[0]!.fact.line },
          topic: pair[0]!.fact.topic,
          domain: pair[0]!.fact.domain,
          services: [],
          exclusive: false,
        }),
      );
    }
  }
  return drafts.filter((d): d is Draft => d !== undefined);
}
