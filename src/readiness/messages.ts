import { defineMessages } from '../shared/i18n';

export const readinessMessages = defineMessages({
  'pt-BR': {
    title: 'Prontidão para o exame',
    overall: (estimate: number, passes: boolean) =>
      `Estimativa geral: **${estimate}**/1000 — ${passes ? '✅ acima' : '❌ abaixo'} de 700`,
    method:
      'Por domínio: média do acerto nos últimos 30 dias (puxado para 50% quando há poucas respostas) e da retenção prevista pelo FSRS nos itens praticados (cheia a partir de 10 itens do domínio); geral ponderado como o exame (20/24/28/14/14). É uma estimativa.',
    domainLine: (name: string, score: number, accuracy: string, memory: string, thin: boolean) =>
      `**${name}** — ${score} · acerto ${accuracy} · retenção ${memory}${thin ? ' · _poucas respostas_' : ''}`,
    none: '—',
    objectives: 'Próximos objetivos para estudar',
    objectiveLine: (id: string, title: string, answered: number, correct: number) =>
      answered === 0
        ? `• **${id}** ${title} — _ainda não praticado_`
        : `• **${id}** ${title} — ${correct}/${answered}`,
    mocks: 'Simulados anteriores',
    mockLine: (unix: number, score: number, passed: boolean, timedOut: boolean) =>
      `• <t:${unix}:d> — **${score}** ${passed ? '✅' : '❌'}${timedOut ? ' (tempo esgotado)' : ''}`,
    noMocks: 'Nenhum ainda: experimente /simulado.',
    chartBars: 'Prontidão por domínio (100–1000, linha de 700)',
    chartWeeks: 'Acerto por semana (últimas 8)',
    chartAlt: (figures: string) => `Gráfico de prontidão por domínio e acerto semanal. ${figures}`,
    weekly: 'Acerto por semana',
  },
  'en-US': {
    title: 'Exam readiness',
    overall: (estimate: number, passes: boolean) =>
      `Overall estimate: **${estimate}**/1000 — ${passes ? '✅ above' : '❌ below'} 700`,
    method:
      "Per domain: the mean of accuracy over the last 30 days (pulled toward 50% while answers are few) and FSRS's predicted recall of the items practised (in full from 10 items of the domain); overall weighted as the exam is (20/24/28/14/14). It is an estimate.",
    domainLine: (name: string, score: number, accuracy: string, memory: string, thin: boolean) =>
      `**${name}** — ${score} · accuracy ${accuracy} · recall ${memory}${thin ? ' · _few answers_' : ''}`,
    none: '—',
    objectives: 'Objectives to work on next',
    objectiveLine: (id: string, title: string, answered: number, correct: number) =>
      answered === 0
        ? `• **${id}** ${title} — _not practised yet_`
        : `• **${id}** ${title} — ${correct}/${answered}`,
    mocks: 'Past mock exams',
    mockLine: (unix: number, score: number, passed: boolean, timedOut: boolean) =>
      `• <t:${unix}:d> — **${score}** ${passed ? '✅' : '❌'}${timedOut ? ' (timed out)' : ''}`,
    noMocks: 'None yet: try /mock.',
    chartBars: 'Readiness per domain (100–1000, 700 line)',
    chartWeeks: 'Accuracy per week (last 8)',
    chartAlt: (figures: string) => `Chart of readiness per domain and weekly accuracy. ${figures}`,
    weekly: 'Accuracy per week',
  },
});
