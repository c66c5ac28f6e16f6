import { defineMessages } from '../shared/i18n';

/** Strings of the private answer panel (ordering and matching), shared by every place a question is played. */
export const panelMessages = defineMessages({
  'pt-BR': {
    answerButton: 'Responder',
    orderIntro: 'Clique nas alternativas **na ordem correta**; depois, em Enviar.',
    matchIntro: 'Escolha no menu de cada item a alternativa que corresponde a ele; depois, clique em Enviar.',
    yourOrder: 'Sua ordem',
    empty: '—',
    undo: 'Desfazer',
    submit: 'Enviar',
    itemPlaceholder: (n: number, prompt: string) => `${n}. ${prompt}`,
    incomplete: 'Complete a resposta antes de enviar.',
    multiHint: (count: number) => `Escolha **${count === 3 ? 'TRÊS' : 'DUAS'}** alternativas no menu.`,
    selectPlaceholder: (count: number) => `Escolha ${count === 3 ? 'TRÊS' : 'DUAS'} alternativas`,
    orderHint: 'Coloque as alternativas na ordem correta: clique em **Responder**.',
    matchHint: 'Associe cada item a uma alternativa: clique em **Responder**.',
    items: 'Itens',
  },
  'en-US': {
    answerButton: 'Answer',
    orderIntro: 'Click the options **in the right order**, then Submit.',
    matchIntro: "Pick each item's matching option in its menu, then click Submit.",
    yourOrder: 'Your order',
    empty: '—',
    undo: 'Undo',
    submit: 'Submit',
    itemPlaceholder: (n: number, prompt: string) => `${n}. ${prompt}`,
    incomplete: 'Complete your answer before submitting.',
    multiHint: (count: number) => `Pick **${count === 3 ? 'THREE' : 'TWO'}** options in the menu.`,
    selectPlaceholder: (count: number) => `Pick ${count === 3 ? 'THREE' : 'TWO'} options`,
    orderHint: 'Put the options in the right order: click **Answer**.',
    matchHint: 'Match each item to an option: click **Answer**.',
    items: 'Items',
  },
});
