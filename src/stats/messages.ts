import { defineMessages } from '../shared/i18n';

export const statsMessages = defineMessages({
  'pt-BR': {
    title: (name: string) => `📊 Estatísticas de ${name}`,
    answers: 'Respostas',
    accuracy: 'Acerto',
    points: 'Pontos',
    bestStreak: 'Maior sequência de acertos (rodadas)',
    dailyStreak: 'Sequência da pergunta do dia',
    days: (n: number) => `${n} ${n === 1 ? 'dia' : 'dias'}`,
    byDomain: 'Acerto por domínio do exame',
    noDomainAnswers: 'sem respostas',
    weakest: 'Tópicos para revisar',
    noWeakTopics: (min: number) => `Nenhum tópico com erros e pelo menos ${min} respostas — continue assim!`,
    noAnswers: (mention: string) =>
      `${mention} ainda não respondeu nenhuma pergunta neste servidor. Que tal começar um /quiz?`,
    noAnswersSelf: 'Você ainda não respondeu nenhuma pergunta neste servidor. Que tal começar um /quiz?',
    guildOnly: 'As estatísticas são de cada servidor: use este comando dentro de um servidor.',
  },
  'en-US': {
    title: (name: string) => `📊 Stats for ${name}`,
    answers: 'Answers',
    accuracy: 'Accuracy',
    points: 'Points',
    bestStreak: 'Best correct streak (rounds)',
    dailyStreak: 'Question of the day streak',
    days: (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`,
    byDomain: 'Accuracy per exam domain',
    noDomainAnswers: 'no answers',
    weakest: 'Topics to review',
    noWeakTopics: (min: number) => `No topic with misses and at least ${min} answers — keep it up!`,
    noAnswers: (mention: string) =>
      `${mention} has not answered any question in this server yet. How about starting a /quiz?`,
    noAnswersSelf: 'You have not answered any question in this server yet. How about starting a /quiz?',
    guildOnly: 'Stats belong to each server: use this command inside a server.',
  },
});
