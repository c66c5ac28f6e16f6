import { EXAM_DOMAINS, type ExamDomain, type QuestionType } from './deck/types';
import { defineMessages } from './i18n';

const percent = (share: number) => `${Math.round(share * 100)}%`;

export const deckMessages = defineMessages({
  'pt-BR': {
    title: 'Baralho AIF-C01',
    description: (questions: number, services: number, topics: number) =>
      `**${questions}** perguntas em **${topics}** tópicos e **${services}** fichas de serviços, geradas das anotações.`,
    byDomain: 'Por domínio do exame',
    domainLine: (domain: ExamDomain, count: number, share: number) =>
      `${domain}. ${EXAM_DOMAINS[domain]['pt-BR']}: **${count}** (${percent(share)}; peso no exame ${percent(EXAM_DOMAINS[domain].weight)})`,
    byType: 'Por tipo',
    typeName: {
      single: 'Escolha única',
      multi: 'Escolha DUAS',
      truefalse: 'Verdadeiro ou falso',
      order: 'Ordenação',
    } as Record<QuestionType, string>,
    notes: 'SHA-256 das anotações',
  },
  'en-US': {
    title: 'AIF-C01 deck',
    description: (questions: number, services: number, topics: number) =>
      `**${questions}** questions across **${topics}** topics and **${services}** service cards, built from the notes.`,
    byDomain: 'By exam domain',
    domainLine: (domain: ExamDomain, count: number, share: number) =>
      `${domain}. ${EXAM_DOMAINS[domain]['en-US']}: **${count}** (${percent(share)}; exam weight ${percent(EXAM_DOMAINS[domain].weight)})`,
    byType: 'By type',
    typeName: {
      single: 'Single answer',
      multi: 'Choose TWO',
      truefalse: 'True or false',
      order: 'Ordering',
    } as Record<QuestionType, string>,
    notes: 'Notes SHA-256',
  },
});
