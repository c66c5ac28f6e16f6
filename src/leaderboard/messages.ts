import type { PeriodKind } from '../db/schema';
import { defineMessages } from '../shared/i18n';

export const leaderboardMessages = defineMessages({
  'pt-BR': {
    title: '🏆 Ranking do servidor',
    weekRange: (first: string, last: string) => `Semana de ${first} a ${last}`,
    monthRange: (first: string, last: string) => `Mês de ${first} a ${last}`,
    allTime: 'Desde o início',
    byPoints: 'por pontos',
    byAccuracy: (min: number) => `por acerto (mínimo de ${min} respostas)`,
    domainScope: (n: number, name: string) => `Domínio ${n}: ${name}`,
    topicScope: (topic: string) => `Tópico: ${topic}`,
    line: (marker: string, userId: string, points: string, accuracy: string, answered: number) =>
      `${marker} <@${userId}> — **${points}** pts · ${accuracy} de acerto · ${answered} ${answered === 1 ? 'resposta' : 'respostas'}`,
    yourPosition: 'Sua posição',
    youHaveNoAnswers: 'Você ainda não respondeu neste período.',
    youNeedMore: (answered: number, min: number) =>
      `Você tem ${answered} ${answered === 1 ? 'resposta' : 'respostas'}; o ranking por acerto pede pelo menos ${min}.`,
    noAnswersYet: (period: PeriodKind) =>
      ({
        week: 'Ninguém respondeu nada nesta semana ainda — comece um /quiz!',
        month: 'Ninguém respondeu nada neste mês ainda — comece um /quiz!',
        all: 'Ninguém respondeu nada ainda — comece um /quiz!',
      })[period],
    nobodyReachedMin: (min: number) =>
      `Ninguém chegou a ${min} respostas neste período ainda. Tente o ranking por pontos ou um mínimo menor.`,
    pastWinners: 'Campeões dos meses anteriores',
    andMore: (n: number) => `e mais ${n}`,
    winnerLine: (month: string, mentions: string, score: string) => `**${month}**: ${mentions} (${score})`,
    timeZone: (tz: string) => `Fuso horário do servidor: ${tz}`,
    guildOnly: 'O ranking é de cada servidor: use este comando dentro de um servidor.',
    unknownTopic: (topic: string) => `Não conheço o tópico "${topic}". Escolha um da lista de sugestões.`,
  },
  'en-US': {
    title: '🏆 Server leaderboard',
    weekRange: (first: string, last: string) => `Week of ${first} to ${last}`,
    monthRange: (first: string, last: string) => `Month from ${first} to ${last}`,
    allTime: 'All time',
    byPoints: 'by points',
    byAccuracy: (min: number) => `by accuracy (at least ${min} answers)`,
    domainScope: (n: number, name: string) => `Domain ${n}: ${name}`,
    topicScope: (topic: string) => `Topic: ${topic}`,
    line: (marker: string, userId: string, points: string, accuracy: string, answered: number) =>
      `${marker} <@${userId}> — **${points}** pts · ${accuracy} correct · ${answered} ${answered === 1 ? 'answer' : 'answers'}`,
    yourPosition: 'Your position',
    youHaveNoAnswers: 'You have not answered in this period yet.',
    youNeedMore: (answered: number, min: number) =>
      `You have ${answered} ${answered === 1 ? 'answer' : 'answers'}; the accuracy ranking needs at least ${min}.`,
    noAnswersYet: (period: PeriodKind) =>
      ({
        week: 'No answers yet this week — start a /quiz!',
        month: 'No answers yet this month — start a /quiz!',
        all: 'No answers yet — start a /quiz!',
      })[period],
    nobodyReachedMin: (min: number) =>
      `Nobody has reached ${min} answers in this period yet. Try the points ranking or a lower minimum.`,
    pastWinners: "Past months' winners",
    andMore: (n: number) => `and ${n} more`,
    winnerLine: (month: string, mentions: string, score: string) => `**${month}**: ${mentions} (${score})`,
    timeZone: (tz: string) => `Server time zone: ${tz}`,
    guildOnly: 'The leaderboard belongs to each server: use this command inside a server.',
    unknownTopic: (topic: string) => `I don't know the topic "${topic}". Pick one from the suggestions.`,
  },
});
