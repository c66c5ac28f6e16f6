import { defineMessages } from '../shared/i18n';

export const practiceMessages = defineMessages({
  'pt-BR': {
    header: (n: number, size: number) => `🧠 **Prática — item ${n} de ${size}** (só você vê)`,
    resumed: 'Continuando a sua sessão de prática de onde parou.',
    reasonDue: 'Revisão: este item estava na hora de voltar.',
    reasonNew: 'Item novo.',
    reasonAhead: 'Revisão antecipada (nada vence agora).',
    right: '✅ Certo!',
    wrong: (answer: string) => `❌ Errado. A resposta certa é **${answer}**.`,
    yourChoice: (choice: string) => `Sua resposta: **${choice}**`,
    whyPicked: 'Por que a sua escolha',
    whyRight: 'Por que a resposta certa',
    comesBack: (unix: number, grade: string) => `🔁 Volta <t:${unix}:R> (<t:${unix}:f>) — nota: ${grade}.`,
    grades: { 1: 'De novo', 2: 'Difícil', 3: 'Bom', 4: 'Fácil' } as Record<number, string>,
    progress: (answered: number, size: number, correct: number) =>
      `Respondidos: ${answered}/${size} · acertos: ${correct}`,
    next: 'Próximo',
    done: (answered: number, correct: number) =>
      `🏁 **Sessão de prática concluída:** ${correct} de ${answered} certos. Conta nas suas /estatisticas, não no ranking. Use /praticar para outra sessão.`,
    nothingToPractise: 'Não há itens para praticar no baralho.',
    already: 'Este item já foi respondido; clique em **Próximo**.',
    gone: 'Este item não existe mais no baralho atual.',
    notYours: 'Esta sessão de prática é de outro membro: use /praticar.',
    badChoice: 'Essa resposta não corresponde às opções do item.',
    guildOnly: 'A prática é de cada servidor: use este comando dentro de um servidor.',
  },
  'en-US': {
    header: (n: number, size: number) => `🧠 **Practice — item ${n} of ${size}** (only you can see this)`,
    resumed: 'Carrying on with your practice session where you left off.',
    reasonDue: 'Review: this item was due.',
    reasonNew: 'New item.',
    reasonAhead: 'Early review (nothing is due now).',
    right: '✅ Right!',
    wrong: (answer: string) => `❌ Wrong. The right answer is **${answer}**.`,
    yourChoice: (choice: string) => `Your answer: **${choice}**`,
    whyPicked: 'Why your choice',
    whyRight: 'Why the right answer',
    comesBack: (unix: number, grade: string) => `🔁 Back <t:${unix}:R> (<t:${unix}:f>) — grade: ${grade}.`,
    grades: { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as Record<number, string>,
    progress: (answered: number, size: number, correct: number) =>
      `Answered: ${answered}/${size} · right: ${correct}`,
    next: 'Next',
    done: (answered: number, correct: number) =>
      `🏁 **Practice session done:** ${correct} of ${answered} right. It counts in your /stats, not on the leaderboard. Use /practice for another session.`,
    nothingToPractise: 'There are no items to practise in the deck.',
    already: 'This item is answered already; click **Next**.',
    gone: 'This item is no longer in the current deck.',
    notYours: "This practice session is another member's: use /practice.",
    badChoice: "That answer does not fit the item's options.",
    guildOnly: 'Practice belongs to each server: use this command inside a server.',
  },
});
