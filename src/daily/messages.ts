import { defineMessages } from '../shared/i18n';

/** Strings of the daily posts, the service card and "test me". Channel posts use pt-BR. */
export const dailyMessages = defineMessages({
  'pt-BR': {
    chooseTwo: 'Escolha DUAS opções.',
    serviceOfTheDay: (name: string) => `Serviço do dia: ${name}`,
    whatItDoes: 'O que faz',
    examTip: 'Quando escolher na prova',
    confusedWith: 'Não confundir com',
    sections: 'Onde está nas anotações',
    sectionLines: (heading: string, lines: readonly number[]) =>
      `${heading} (${lines.length === 1 ? 'linha' : 'linhas'} ${lines.join(', ')})`,
    category: (category: string) => `Categoria: ${category}`,
    testMe: 'Teste-me',
    questionOfTheDay: (date: string) => `❓ **Pergunta do dia — ${date}**`,
    questionFooter:
      'Responda pelos botões: vale a primeira resposta de cada membro (1000 pontos se certa, 0 se errada). O resultado sai com a pergunta de amanhã.',
    resultHeading: (date: string) => `✅ **Resultado da pergunta do dia — ${date}**`,
    rightAnswer: (answer: string) => `Resposta certa: **${answer}**`,
    shareRight: (right: number, total: number) =>
      total === 0
        ? 'Ninguém respondeu.'
        : `Acertaram: **${right}** de **${total}** (${Math.round((100 * right) / total)}%)`,
    optionCount: (label: string, count: number) => `${label}: ${count}`,
    explanationTitle: 'Explicação',
    answerRecorded: (choice: string) =>
      `Resposta registrada: **${choice}**. Na pergunta do dia a pontuação é fixa: 1000 pontos se estiver certa, 0 se errada. O resultado sai com a pergunta de amanhã.`,
    alreadyAnswered: (choice: string) =>
      `Você já respondeu esta pergunta do dia (**${choice}**); só a primeira resposta conta.`,
    questionClosed: 'Esta pergunta do dia já foi encerrada; veja o resultado na mensagem.',
    questionGone: 'Esta pergunta não existe mais no baralho atual.',
    badChoice: 'Essa resposta não corresponde às opções da pergunta.',
    practiceIntro: (service: string) => `🧪 **Teste-me: ${service}** (só você vê)`,
    practiceNone: (service: string) => `Ainda não há perguntas sobre ${service} no baralho.`,
    practiceRight: '✅ Certo!',
    practiceWrong: (answer: string) => `❌ Errado. A resposta certa é **${answer}**.`,
    practiceCounted: 'Conta nas suas estatísticas (treino).',
    unknownService: (name: string, suggestions: string) =>
      suggestions === ''
        ? `Não encontrei o serviço "${name}". Comece a digitar e escolha um da lista.`
        : `Não encontrei o serviço "${name}". Você quis dizer: ${suggestions}?`,
  },
  'en-US': {
    chooseTwo: 'Choose TWO options.',
    serviceOfTheDay: (name: string) => `Service of the day: ${name}`,
    whatItDoes: 'What it does',
    examTip: 'When to pick it on the exam',
    confusedWith: "Don't confuse it with",
    sections: 'Where the notes cover it',
    sectionLines: (heading: string, lines: readonly number[]) =>
      `${heading} (${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')})`,
    category: (category: string) => `Category: ${category}`,
    testMe: 'Test me',
    questionOfTheDay: (date: string) => `❓ **Question of the day — ${date}**`,
    questionFooter:
      "Answer with the buttons: each member's first answer counts (1000 points if right, 0 if wrong). The result comes with tomorrow's question.",
    resultHeading: (date: string) => `✅ **Question of the day result — ${date}**`,
    rightAnswer: (answer: string) => `Right answer: **${answer}**`,
    shareRight: (right: number, total: number) =>
      total === 0
        ? 'Nobody answered.'
        : `Got it right: **${right}** of **${total}** (${Math.round((100 * right) / total)}%)`,
    optionCount: (label: string, count: number) => `${label}: ${count}`,
    explanationTitle: 'Explanation',
    answerRecorded: (choice: string) =>
      `Answer recorded: **${choice}**. The question of the day has flat scoring: 1000 points if right, 0 if wrong. The result comes with tomorrow's question.`,
    alreadyAnswered: (choice: string) =>
      `You already answered this question of the day (**${choice}**); only the first answer counts.`,
    questionClosed: 'This question of the day is closed; the result is on the message.',
    questionGone: 'This question is no longer in the current deck.',
    badChoice: "That answer doesn't match the question's options.",
    practiceIntro: (service: string) => `🧪 **Test me: ${service}** (only you can see this)`,
    practiceNone: (service: string) => `There are no questions about ${service} in the deck yet.`,
    practiceRight: '✅ Right!',
    practiceWrong: (answer: string) => `❌ Wrong. The right answer is **${answer}**.`,
    practiceCounted: 'Counted in your stats (practice).',
    unknownService: (name: string, suggestions: string) =>
      suggestions === ''
        ? `I couldn't find the service "${name}". Start typing and pick one from the list.`
        : `I couldn't find the service "${name}". Did you mean: ${suggestions}?`,
  },
});
