import { defineMessages } from '../shared/i18n';

export const configMessages = defineMessages({
  'pt-BR': {
    noPermission: 'Só quem pode **Gerenciar servidor** muda as configurações do bot.',
    badChannel: (channel: string) =>
      `${channel} não é um canal de texto. Escolha um canal de texto ou de anúncios; nada foi alterado.`,
    badTime: (input: string) =>
      `"${input}" não é um horário válido. Use HH:MM de 00:00 a 23:59 (por exemplo 09:00); nada foi alterado.`,
    badZone: (input: string) =>
      `"${input}" não é um fuso horário IANA que eu conheça. Escolha um da lista (por exemplo America/Sao_Paulo ou Europe/Lisbon); nada foi alterado.`,
    nothingToChange: 'Diga o que ligar ou desligar: `servico_do_dia` e/ou `pergunta_do_dia`.',
    channelSet: (channel: string) => `Os posts diários vão para ${channel}.`,
    missingPermissions: (channel: string, names: string) =>
      `⚠️ O bot ainda não tem em ${channel}: ${names}. Sem isso o post do dia falha (veja \`/config show\`).`,
    timeSet: (time: string, zone: string) => `Os posts diários saem às **${time}** (${zone}).`,
    zoneSet: (zone: string) =>
      `Fuso horário: **${zone}**. O horário dos posts e os períodos do ranking seguem este fuso (ranking recalculado).`,
    zoneSwitching: (zone: string) =>
      `Mudando o fuso horário para **${zone}**: o ranking está sendo recalculado e continua com o fuso anterior até terminar; depois o horário dos posts e os períodos do ranking seguem este fuso.`,
    zoneFailed: (zone: string) =>
      `Não consegui mudar o fuso para **${zone}** (erro ao recalcular o ranking); o fuso anterior continua. Tente de novo.`,
    postsSet: 'Posts diários atualizados.',
    showTitle: 'Configuração dos posts diários',
    channel: 'Canal',
    noChannel: 'não definido — use `/config channel`',
    time: 'Horário',
    zone: 'Fuso horário',
    zonePending: (zone: string) => `mudando para **${zone}** (ranking sendo recalculado)`,
    serviceCard: 'Serviço do dia',
    dailyQuestion: 'Pergunta do dia',
    on: 'ligado',
    off: 'desligado',
    nextPost: 'Próximo post',
    noNextPost: 'nenhum (defina o canal e ligue ao menos um post)',
    lastPost: 'Último post',
    noLastPost: 'nenhum ainda',
    kindName: (kind: 'service' | 'question') => (kind === 'service' ? 'serviço do dia' : 'pergunta do dia'),
    lastError: 'Último erro',
    errorText: (code: number | null, channel: string, detail: string) =>
      code === 10003
        ? `O canal ${channel} não existe mais (Discord 10003).`
        : code === 50001
          ? `O bot não tem acesso ao canal ${channel} (Discord 50001).`
          : code === 50013
            ? `O bot não tem permissão para postar em ${channel} (Discord 50013): dê a ele Ver canal, Enviar mensagens e Inserir links.`
            : code === null
              ? `Falha ao enviar em ${channel}, sem saber se chegou: ${detail}`
              : `O Discord recusou o post em ${channel} (código ${code}): ${detail}`,
    noError: 'nenhum',
    errorHint:
      'Corrija (canal ou permissões do bot) e mude qualquer configuração para tentar de novo agora; senão, tento no próximo dia.',
    unchangedNote:
      'Alterar qualquer configuração limpa o último erro e faz o post do dia ser tentado de novo.',
  },
  'en-US': {
    noPermission: 'Only members who can **Manage Server** can change the bot settings.',
    badChannel: (channel: string) =>
      `${channel} is not a text channel. Pick a text or announcement channel; nothing was changed.`,
    badTime: (input: string) =>
      `"${input}" is not a valid time. Use HH:MM from 00:00 to 23:59 (e.g. 09:00); nothing was changed.`,
    badZone: (input: string) =>
      `"${input}" is not an IANA time zone I know. Pick one from the list (e.g. America/Sao_Paulo or Europe/Lisbon); nothing was changed.`,
    nothingToChange: 'Say what to turn on or off: `service_card` and/or `daily_question`.',
    channelSet: (channel: string) => `Daily posts go to ${channel}.`,
    missingPermissions: (channel: string, names: string) =>
      `⚠️ The bot still lacks in ${channel}: ${names}. Without it the daily post fails (see \`/config show\`).`,
    timeSet: (time: string, zone: string) => `Daily posts go out at **${time}** (${zone}).`,
    zoneSet: (zone: string) =>
      `Time zone: **${zone}**. The post time and the leaderboard periods follow this zone (leaderboard recomputed).`,
    zoneSwitching: (zone: string) =>
      `Switching the time zone to **${zone}**: the leaderboard is being recalculated and keeps the previous zone until it is done; then the post time and the leaderboard periods follow this zone.`,
    zoneFailed: (zone: string) =>
      `I could not switch the time zone to **${zone}** (recalculating the leaderboard failed); the previous zone stays. Try again.`,
    postsSet: 'Daily posts updated.',
    showTitle: 'Daily posts settings',
    channel: 'Channel',
    noChannel: 'not set — use `/config channel`',
    time: 'Time',
    zone: 'Time zone',
    zonePending: (zone: string) => `switching to **${zone}** (leaderboard being recalculated)`,
    serviceCard: 'Service of the day',
    dailyQuestion: 'Question of the day',
    on: 'on',
    off: 'off',
    nextPost: 'Next post',
    noNextPost: 'none (set the channel and turn on at least one post)',
    lastPost: 'Last post',
    noLastPost: 'none yet',
    kindName: (kind: 'service' | 'question') =>
      kind === 'service' ? 'service of the day' : 'question of the day',
    lastError: 'Last error',
    errorText: (code: number | null, channel: string, detail: string) =>
      code === 10003
        ? `The channel ${channel} no longer exists (Discord 10003).`
        : code === 50001
          ? `The bot cannot access ${channel} (Discord 50001).`
          : code === 50013
            ? `The bot lacks permission to post in ${channel} (Discord 50013): give it View Channel, Send Messages and Embed Links.`
            : code === null
              ? `Sending to ${channel} failed without knowing whether it arrived: ${detail}`
              : `Discord refused the post in ${channel} (code ${code}): ${detail}`,
    noError: 'none',
    errorHint:
      "Fix it (channel or the bot's permissions) and change any setting to retry now; otherwise I try again on the next day.",
    unchangedNote: "Changing any setting clears the last error and makes today's post be tried again.",
  },
});
