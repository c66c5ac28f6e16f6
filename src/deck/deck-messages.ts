import { EXAM_DOMAINS, type ExamDomain, type QuestionType } from './types';
import { defineMessages } from '../shared/i18n';

const percent = (share: number) => `${Math.round(share * 100)}%`;

export const deckMessages = defineMessages({
  'pt-BR': {
    title: 'Baralho AIF-C01',
    description: (exam: number, drill: number, services: number, topics: number) =>
      `**${exam}** itens no estilo do exame (escritos a partir das anotações e da documentação da AWS), **${drill}** perguntas de treino geradas das anotações, **${topics}** tópicos e **${services}** fichas de serviços.`,
    coverage: 'Cobertura do guia do exame (v1.1)',
    coverageLine: (covered: number, total: number, fromNotes: number, beyond: number) =>
      `**${covered}/${total}** objetivos com 3 itens ou mais · **${fromNotes}** itens apoiados nas anotações, **${beyond}** além das notas`,
    notesMiss: (count: number) =>
      `O que as anotações não cobrem (${count} objetivos, só itens “além das notas”)`,
    byDomain: 'Itens do exame por domínio',
    domainLine: (domain: ExamDomain, count: number, share: number) =>
      `${domain}. ${EXAM_DOMAINS[domain]['pt-BR']}: **${count}** (${percent(share)}; peso no exame ${percent(EXAM_DOMAINS[domain].weight)})`,
    byType: 'Itens do exame por tipo',
    typeName: {
      single: 'Escolha única',
      multi: 'Resposta múltipla',
      truefalse: 'Verdadeiro ou falso',
      order: 'Ordenação',
      match: 'Associação',
    } as Record<QuestionType, string>,
    notes: 'SHA-256 das anotações',
  },
  'en-US': {
    title: 'AIF-C01 deck',
    description: (exam: number, drill: number, services: number, topics: number) =>
      `**${exam}** exam-style items (written from the notes and AWS documentation), **${drill}** drill questions generated from the notes, **${topics}** topics and **${services}** service cards.`,
    coverage: 'Exam guide coverage (v1.1)',
    coverageLine: (covered: number, total: number, fromNotes: number, beyond: number) =>
      `**${covered}/${total}** objectives with 3 or more items · **${fromNotes}** items backed by the notes, **${beyond}** beyond the notes`,
    notesMiss: (count: number) =>
      `What the notes do not cover (${count} objectives, "beyond the notes" items only)`,
    byDomain: 'Exam items by domain',
    domainLine: (domain: ExamDomain, count: number, share: number) =>
      `${domain}. ${EXAM_DOMAINS[domain]['en-US']}: **${count}** (${percent(share)}; exam weight ${percent(EXAM_DOMAINS[domain].weight)})`,
    byType: 'Exam items by type',
    typeName: {
      single: 'Single answer',
      multi: 'Multiple response',
      truefalse: 'True or false',
      order: 'Ordering',
      match: 'Matching',
    } as Record<QuestionType, string>,
    notes: 'Notes SHA-256',
  },
});
