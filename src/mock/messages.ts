import { defineMessages } from '../shared/i18n';

export const mockMessages = defineMessages({
  'pt-BR': {
    header: (n: number, total: number) => `📝 **Simulado — questão ${n} de ${total}**`,
    status: (deadline: number, answered: number, total: number, flagged: number) =>
      `⏱ Termina <t:${deadline}:R> (<t:${deadline}:t>) · respondidas ${answered}/${total} · marcadas ${flagged}`,
    clockNote: 'Só você vê. O relógio é o do servidor: sair não pausa o simulado.',
    resumed: 'Você já tem um simulado em andamento: continuando de onde parou.',
    previousClosed: (score: number) =>
      `Seu simulado anterior terminou por tempo (${score}/1000). Começando um novo.`,
    yourAnswer: (choice: string) => `Sua resposta: **${choice}**`,
    noAnswer: '_Sem resposta._',
    flagged: '🚩 Marcada para revisão',
    prev: '◀ Anterior',
    next: 'Próxima ▶',
    flag: '🚩 Marcar',
    unflag: '🏳️ Desmarcar',
    submit: 'Entregar',
    jump: (n: number) => `Ir para: marcadas e sem resposta (${n})`,
    jumpOption: (n: number, flagged: boolean, answered: boolean) =>
      `Questão ${n}${flagged ? ' · 🚩 marcada' : ''}${answered ? '' : ' · sem resposta'}`,
    confirm: (unanswered: number, flagged: number) =>
      `Entregar o simulado agora? ${unanswered} sem resposta (contam como erradas), ${flagged} marcadas.`,
    confirmButton: 'Sim, entregar',
    back: 'Voltar',
    panelRecorded: (choice: string) =>
      `Resposta registrada: **${choice}**. Volte à mensagem do simulado (Próxima ▶) para seguir.`,
    resultTitle: (status: 'submitted' | 'timed_out') =>
      status === 'submitted' ? '🏁 **Simulado entregue**' : '⌛ **Simulado encerrado: tempo esgotado**',
    score: (scaled: number, passed: boolean) =>
      `Pontuação estimada: **${scaled}**/1000 — ${passed ? '✅ aprovado' : '❌ abaixo'} (mínimo 700)`,
    counts: (correct: number, total: number, answered: number) =>
      `Acertos: ${correct}/${total} · respondidas: ${answered}/${total}`,
    estimateNote:
      'Estimativa: 100 + 900 × acertos/total. A AWS não publica a escala do exame (que equaliza versões e tem 15 itens não pontuados); use como referência, não como previsão.',
    byDomain: 'Resultado por domínio',
    domainLine: (correct: number, total: number, scaled: number) => `${correct}/${total} · est. ${scaled}`,
    review: (n: number) => `Revisar erros (${n})`,
    reviewTitle: (page: number, pages: number) => `Erros e em branco — página ${page} de ${pages}`,
    missLine: (n: number, domain: number, choice: string, right: string) =>
      `**Questão ${n}** (domínio ${domain}) — sua: **${choice}** · certa: **${right}**`,
    blank: 'em branco',
    result: 'Resultado',
    noMisses: 'Nenhum erro: parabéns!',
    chartAlt: 'Gráfico: pontuação estimada por domínio contra a linha de 700.',
    gone: 'Este simulado não existe mais.',
    notYours: 'Este simulado é de outro membro: use /simulado.',
    badChoice: 'Essa resposta não corresponde às opções da questão.',
    guildOnly: 'O simulado é de cada servidor: use este comando dentro de um servidor.',
    notEnough: 'O baralho não tem itens suficientes para um simulado.',
  },
  'en-US': {
    header: (n: number, total: number) => `📝 **Mock exam — question ${n} of ${total}**`,
    status: (deadline: number, answered: number, total: number, flagged: number) =>
      `⏱ Ends <t:${deadline}:R> (<t:${deadline}:t>) · answered ${answered}/${total} · flagged ${flagged}`,
    clockNote: "Only you can see this. The clock is the server's: leaving does not pause the mock.",
    resumed: 'You already have a mock in progress: carrying on where you left off.',
    previousClosed: (score: number) =>
      `Your previous mock ran out of time (${score}/1000). Starting a new one.`,
    yourAnswer: (choice: string) => `Your answer: **${choice}**`,
    noAnswer: '_Not answered._',
    flagged: '🚩 Flagged for review',
    prev: '◀ Previous',
    next: 'Next ▶',
    flag: '🚩 Flag',
    unflag: '🏳️ Unflag',
    submit: 'Submit',
    jump: (n: number) => `Go to: flagged and unanswered (${n})`,
    jumpOption: (n: number, flagged: boolean, answered: boolean) =>
      `Question ${n}${flagged ? ' · 🚩 flagged' : ''}${answered ? '' : ' · unanswered'}`,
    confirm: (unanswered: number, flagged: number) =>
      `Submit the mock now? ${unanswered} unanswered (they count as wrong), ${flagged} flagged.`,
    confirmButton: 'Yes, submit',
    back: 'Back',
    panelRecorded: (choice: string) =>
      `Answer recorded: **${choice}**. Go back to the mock's message (Next ▶) to carry on.`,
    resultTitle: (status: 'submitted' | 'timed_out') =>
      status === 'submitted' ? '🏁 **Mock exam submitted**' : '⌛ **Mock exam over: time is up**',
    score: (scaled: number, passed: boolean) =>
      `Estimated score: **${scaled}**/1000 — ${passed ? '✅ pass' : '❌ below'} (pass mark 700)`,
    counts: (correct: number, total: number, answered: number) =>
      `Right: ${correct}/${total} · answered: ${answered}/${total}`,
    estimateNote:
      "Estimate: 100 + 900 × right/total. AWS does not publish the exam's scaling (it equates forms and has 15 unscored items); take it as a guide, not a prediction.",
    byDomain: 'Result per domain',
    domainLine: (correct: number, total: number, scaled: number) => `${correct}/${total} · est. ${scaled}`,
    review: (n: number) => `Review misses (${n})`,
    reviewTitle: (page: number, pages: number) => `Misses and blanks — page ${page} of ${pages}`,
    missLine: (n: number, domain: number, choice: string, right: string) =>
      `**Question ${n}** (domain ${domain}) — yours: **${choice}** · right: **${right}**`,
    blank: 'blank',
    result: 'Result',
    noMisses: 'No misses: well done!',
    chartAlt: 'Chart: estimated score per domain against the 700 line.',
    gone: 'This mock no longer exists.',
    notYours: "This mock is another member's: use /mock.",
    badChoice: "That answer does not fit the question's options.",
    guildOnly: 'Mocks belong to each server: use this command inside a server.',
    notEnough: 'The deck does not have enough items for a mock exam.',
  },
});
