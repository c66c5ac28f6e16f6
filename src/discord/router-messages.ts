import { defineMessages } from '../shared/i18n';

export const routerMessages = defineMessages({
  'pt-BR': {
    unknownCommand: 'Não conheço este comando. Ele pode ter sido removido: tente `/help`.',
    unknownComponent:
      'Não reconheço este botão. Ele pode ser de uma mensagem antiga: use `/help` para ver os comandos.',
    outdatedComponent: 'Este botão é de uma versão antiga do bot e não funciona mais.',
    failed: 'Algo deu errado ao processar isso. O erro foi registrado; tente de novo em instantes.',
    guildOnly: 'Este comando só funciona dentro de um servidor.',
  },
  'en-US': {
    unknownCommand: "I don't know this command. It may have been removed: try `/help`.",
    unknownComponent:
      "I don't recognise this button. It may belong to an old message: use `/help` to see the commands.",
    outdatedComponent: 'This button comes from an older version of the bot and no longer works.',
    failed: 'Something went wrong handling that. The error was logged; please try again shortly.',
    guildOnly: 'This command only works inside a server.',
  },
});
