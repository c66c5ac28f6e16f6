import type { QuestionType } from '../deck/types';
import { defineMessages } from '../shared/i18n';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const quizMessages = defineMessages({
  'pt-BR': {
    // Command replies
    started: (starterId: string, count: number, seconds: number) =>
      `🎯 <@${starterId}> iniciou um quiz: **${plural(count, 'pergunta', 'perguntas')}**, ${seconds} s cada. Responda com os botões: vale a primeira resposta.`,
    filterTopic: (topic: string) => `Tópico: **${topic}**`,
    filterDrill: 'Nível: **treino** (perguntas geradas das notas)',
    filterDomain: (domain: number, name: string) => `Domínio ${domain}: **${name}**`,
    alreadyRunning: (link: string) => `Já há uma rodada em andamento neste canal: ${link}`,
    tooFew: (available: number, requested: number) =>
      available === 0
        ? 'Nenhuma pergunta combina com esse filtro. Tente outro tópico ou domínio.'
        : `Só ${plural(available, 'pergunta combina', 'perguntas combinam')} com esse filtro (você pediu ${requested}). Use \`questions:${available}\` ou outro filtro.`,
    unknownTopic: (topic: string) =>
      `Não conheço o tópico "${topic}". Escolha um da lista que aparece ao digitar.`,
    noRunningRound: 'Não há rodada em andamento neste canal.',
    stopRefused: 'Só quem iniciou a rodada ou quem pode gerenciar mensagens pode pará-la.',
    stopped: 'Rodada parada. A pergunta atual foi revelada e o pódio vem a seguir.',
    alreadyOver: 'Esta rodada já terminou.',
    unavailable: 'O quiz não está disponível agora. Tente de novo em instantes.',
    cannotPost:
      'Não consegui postar a pergunta neste canal (falta permissão para enviar mensagens ou inserir links). A rodada foi encerrada.',
    // Clicks
    answerRegistered: (choice: string) => `Resposta registrada: ${choice}`,
    alreadyAnswered: (choice: string) => `Você já respondeu ${choice}; vale a primeira resposta.`,
    alreadyAnsweredPanel: 'Você já respondeu esta pergunta; vale a primeira resposta.',
    questionClosed: 'Esta pergunta já foi encerrada; aguarde a próxima.',
    roundOver: 'Esta rodada já terminou.',
    unknownRound: 'Não encontrei esta rodada. A mensagem pode ser antiga.',
    invalidChoice: 'Essa resposta não corresponde a esta pergunta.',
    // Question message
    questionTitle: (position: number, total: number) => `Pergunta ${position}/${total}`,
    panelTitle: (position: number) => `Sua resposta à pergunta ${position}`,
    typeHint: {
      single: 'Escolha uma alternativa.',
      multi: 'Escolha **DUAS** alternativas no menu.',
      truefalse: 'Verdadeiro ou falso?',
      order: 'Qual é a ordem correta? Escolha a sequência.',
      match: 'Associe cada item a uma alternativa.',
    } as Record<QuestionType, string>,
    rightOrder: 'Ordem correta',
    rightMatches: 'Associações corretas',
    topic: 'Tópico',
    domain: 'Domínio',
    closes: 'Encerra',
    closed: 'Encerrada',
    footer: 'Vale a primeira resposta de cada membro.',
    stopButton: 'Parar',
    selectPlaceholder: 'Escolha DUAS alternativas',
    // Reveal
    revealTitle: (position: number, total: number) => `Pergunta ${position}/${total} — resposta`,
    answersCount: (n: number) => plural(n, 'resposta', 'respostas'),
    correctSummary: (correct: number, answered: number) =>
      answered === 0 ? 'Ninguém respondeu.' : `${correct} de ${answered} acertaram.`,
    sequences: 'Sequências',
    explanation: 'Explicação',
    source: 'Fonte',
    sourceValue: (heading: string, line: number) => `${heading} (linha ${line})`,
    sourceBeyond: (doc: string) => `Além das notas: documentação da AWS — ${doc}`,
    beyond: 'Além das notas',
    beyondValue: 'Este item vem da documentação da AWS, não das notas do grupo.',
    scorers: 'Pontuaram',
    noScorers: 'Ninguém pontuou.',
    moreScorers: (n: number) => `…e mais ${n}`,
    // Podium
    podiumFinished: '🏁 Fim da rodada',
    podiumStopped: '⏹️ Rodada parada',
    stoppedBy: (userId: string) => `Parada por <@${userId}>.`,
    stoppedUnavailable: 'Parada porque o canal ficou indisponível.',
    played: (played: number, total: number) => `${played} de ${total} perguntas jogadas.`,
    noAnswers: 'Ninguém respondeu nesta rodada.',
    standing: (points: number, correct: number, answered: number) =>
      `**${points}** pts · ${correct}/${answered} certas`,
  },
  'en-US': {
    started: (starterId: string, count: number, seconds: number) =>
      `🎯 <@${starterId}> started a quiz: **${plural(count, 'question', 'questions')}**, ${seconds} s each. Answer with the buttons: your first answer counts.`,
    filterTopic: (topic: string) => `Topic: **${topic}**`,
    filterDrill: 'Tier: **drill** (questions generated from the notes)',
    filterDomain: (domain: number, name: string) => `Domain ${domain}: **${name}**`,
    alreadyRunning: (link: string) => `A round is already running in this channel: ${link}`,
    tooFew: (available: number, requested: number) =>
      available === 0
        ? 'No question matches that filter. Try another topic or domain.'
        : `Only ${plural(available, 'question matches', 'questions match')} that filter (you asked for ${requested}). Use \`questions:${available}\` or another filter.`,
    unknownTopic: (topic: string) => `I don't know the topic "${topic}". Pick one from the list as you type.`,
    noRunningRound: 'No round is running in this channel.',
    stopRefused: 'Only whoever started the round or someone who can manage messages can stop it.',
    stopped: 'Round stopped. The current question was revealed and the podium follows.',
    alreadyOver: 'This round is already over.',
    unavailable: 'The quiz is not available right now. Please try again shortly.',
    cannotPost:
      "I couldn't post the question in this channel (missing permission to send messages or embed links). The round was closed.",
    answerRegistered: (choice: string) => `Answer registered: ${choice}`,
    alreadyAnswered: (choice: string) => `You already answered ${choice}; your first answer counts.`,
    alreadyAnsweredPanel: 'You already answered this question; your first answer counts.',
    questionClosed: 'This question is closed; wait for the next one.',
    roundOver: 'This round is over.',
    unknownRound: "I can't find this round. The message may be old.",
    invalidChoice: "That answer doesn't fit this question.",
    questionTitle: (position: number, total: number) => `Question ${position}/${total}`,
    panelTitle: (position: number) => `Your answer to question ${position}`,
    typeHint: {
      single: 'Pick one option.',
      multi: 'Pick **TWO** options in the menu.',
      truefalse: 'True or false?',
      order: 'What is the right order? Pick the sequence.',
      match: 'Match each item to an option.',
    } as Record<QuestionType, string>,
    rightOrder: 'Right order',
    rightMatches: 'Right matches',
    topic: 'Topic',
    domain: 'Domain',
    closes: 'Closes',
    closed: 'Closed',
    footer: "Each member's first answer counts.",
    stopButton: 'Stop',
    selectPlaceholder: 'Pick TWO options',
    revealTitle: (position: number, total: number) => `Question ${position}/${total} — answer`,
    answersCount: (n: number) => plural(n, 'answer', 'answers'),
    correctSummary: (correct: number, answered: number) =>
      answered === 0 ? 'Nobody answered.' : `${correct} of ${answered} got it right.`,
    sequences: 'Sequences',
    explanation: 'Explanation',
    source: 'Source',
    sourceValue: (heading: string, line: number) => `${heading} (line ${line})`,
    sourceBeyond: (doc: string) => `Beyond the notes: AWS documentation — ${doc}`,
    beyond: 'Beyond the notes',
    beyondValue: "This item comes from AWS documentation, not from the group's notes.",
    scorers: 'Scored',
    noScorers: 'Nobody scored.',
    moreScorers: (n: number) => `…and ${n} more`,
    podiumFinished: '🏁 Round over',
    podiumStopped: '⏹️ Round stopped',
    stoppedBy: (userId: string) => `Stopped by <@${userId}>.`,
    stoppedUnavailable: 'Stopped because the channel became unavailable.',
    played: (played: number, total: number) => `${played} of ${total} questions played.`,
    noAnswers: 'Nobody answered in this round.',
    standing: (points: number, correct: number, answered: number) =>
      `**${points}** pts · ${correct}/${answered} right`,
  },
});

export type QuizMessages = ReturnType<typeof quizMessages>;
