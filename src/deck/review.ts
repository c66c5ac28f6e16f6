import { describeChoice, optionLetter } from '../answers/choice';
import { renderQuestionText } from './render';
import type { Question } from './types';

const TYPE_NAMES = {
  single: 'múltipla escolha',
  multi: 'resposta múltipla',
  order: 'ordenação',
  match: 'associação',
  truefalse: 'verdadeiro/falso',
} as const;

/**
 * One question for a reviewer who has not seen the code or the notes: as the bot shows it, then the key,
 * the rationale of every option and where it comes from.
 */
export function formatForReview(q: Question): string {
  const head = [
    `### ${q.id} · ${q.tier === 'exam' ? 'exame' : 'treino'} · ${TYPE_NAMES[q.type]} · domínio ${q.domain}` +
      (q.objectives.length > 0 ? ` · objetivos ${q.objectives.join(', ')}` : '') +
      (q.beyond ? ' · além das notas' : ''),
    '',
    renderQuestionText(q, 'pt-BR'),
    '',
    `**Gabarito:** ${describeChoice(q, q.answers)}`,
    '**Justificativas:**',
    ...q.options.map((_, i) => {
      const right = q.type === 'single' || q.type === 'multi' ? (q.answers.includes(i) ? '✅ ' : '❌ ') : '';
      return `- ${right}${optionLetter(i)}) ${q.rationales[i] ?? ''}`;
    }),
    q.beyond
      ? `**Fonte:** documentação da AWS: ${q.doc ?? '?'}`
      : `**Fonte:** ${q.sources.map((s) => `linha ${s.line}: “${s.quote}”`).join('; ')}`,
  ];
  return head.join('\n');
}
