import { defineMessages } from '../shared/i18n';

export const helpMessages = defineMessages({
  'pt-BR': {
    title: 'Exam Drill — treino em grupo para o AWS Certified AI Practitioner (AIF-C01)',
    intro: (questions: number, services: number) =>
      `Transformo as anotações de estudo do grupo em simulados: rodadas de quiz no canal com botões, ranking do servidor, pergunta do dia e serviço do dia — e, para estudar sozinho, prática com repetição espaçada (/praticar) e simulado cronometrado (/simulado). O baralho atual tem **${questions}** perguntas e **${services}** fichas de serviços da AWS, geradas a partir das anotações.`,
    commandsHeading: 'Comandos',
    footer: 'As perguntas vêm das anotações; se algo parecer errado, avise quem administra o bot.',
  },
  'en-US': {
    title: 'Exam Drill — group practice for AWS Certified AI Practitioner (AIF-C01)',
    intro: (questions: number, services: number) =>
      `I turn the group's study notes into drills: quiz rounds in the channel with buttons, a server leaderboard, a question of the day and a service of the day — and, to study alone, spaced-repetition practice (/practice) and a timed mock exam (/mock). The current deck has **${questions}** questions and **${services}** AWS service cards, built from the notes (questions are in Portuguese).`,
    commandsHeading: 'Commands',
    footer: 'Questions come from the notes; if something looks wrong, tell whoever runs the bot.',
  },
});
