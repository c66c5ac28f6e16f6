import type { InteractionContext } from '../app/context';
import type { MockView } from './mock';
import { renderMockResult, type MockMessage } from './render';
import { scoreMock } from './scoring';

/** The result of a finished mock as a message (the chart is attached where the caller can send files). */
export function mockResultMessage(
  ctx: Pick<InteractionContext, 'deck' | 'locale'>,
  view: MockView,
): MockMessage {
  return renderMockResult(view, scoreMock(view.items, ctx.deck.questionById), ctx.locale);
}
