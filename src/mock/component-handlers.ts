import { MessageFlags } from 'discord.js';
import { describeChoice } from '../answers/choice';
import { panelHandlers } from '../answers/panel-handlers';
import { replyPrivately } from '../discord/replies';
import {
  componentHandler,
  type ComponentHandler,
  type ComponentInteraction,
  type InteractionContext,
} from '../app/context';
import {
  mockAnswerId,
  mockConfirmId,
  mockFlagId,
  mockGoId,
  mockJumpId,
  mockPanelIds,
  mockResultId,
  mockReviewId,
  mockSelectId,
  mockSubmitId,
} from './custom-ids';
import { mockMessages } from './messages';
import { actOnMock, expireIfDue, type MockAction, type MockActionResult, type MockView } from './mock';
import { renderConfirm, renderMockItem, renderReview, type MockMessage } from './render';
import { mockResultMessage } from './result-message';
import { scoreMock } from './scoring';

/**
 * Every mock click is answered by updating the mock's own private message (a fresh interaction each time,
 * so no token is ever used after 15 minutes); the server clock is checked first on every click.
 */
function refusal(
  ctx: InteractionContext,
  status: 'gone' | 'not-yours' | 'bad-choice' | 'guild-only',
): string {
  const text = mockMessages(ctx.locale);
  return status === 'not-yours'
    ? text.notYours
    : status === 'bad-choice'
      ? text.badChoice
      : status === 'guild-only'
        ? text.guildOnly
        : text.gone;
}

function act(
  interaction: ComponentInteraction,
  ctx: InteractionContext,
  mockId: number,
  action: MockAction,
): MockActionResult | { status: 'guild-only' } {
  if (!interaction.inGuild()) return { status: 'guild-only' };
  return actOnMock(
    ctx,
    ctx.deck,
    { mockId, member: { guildId: interaction.guildId, userId: interaction.user.id }, action },
    ctx.now(),
  );
}

/** What the mock's message shows after a click: an item, or the result once it is over. */
export function viewFor(ctx: InteractionContext, view: MockView, position: number): MockMessage {
  if (view.mock.status !== 'running') return mockResultMessage(ctx, view);
  const question = ctx.deck.questionById.get(view.items[position]!.questionId)!;
  return renderMockItem(view, position, question, ctx.locale);
}

async function show(interaction: ComponentInteraction, body: MockMessage): Promise<void> {
  // A view without the chart drops the one an earlier result view attached.
  const payload = body.files ? body : { ...body, attachments: [] };
  if (interaction.isMessageComponent()) await interaction.update(payload as never);
  else await interaction.reply({ ...(payload as object), flags: MessageFlags.Ephemeral });
}

async function handle(
  interaction: ComponentInteraction,
  ctx: InteractionContext,
  mockId: number,
  action: MockAction,
): Promise<void> {
  const result = act(interaction, ctx, mockId, action);
  if (result.status === 'ok') return show(interaction, viewFor(ctx, result.view, result.position));
  if (result.status === 'finished') return show(interaction, mockResultMessage(ctx, result.view));
  return replyPrivately(interaction, refusal(ctx, result.status));
}

const answerButton = componentHandler({
  customId: mockAnswerId,
  execute: (i, d, ctx) =>
    handle(i, ctx, d.mock, { kind: 'answer', position: d.position, choice: { button: d.option } }),
});
const answerSelect = componentHandler({
  customId: mockSelectId,
  execute: (i, d, ctx) =>
    handle(i, ctx, d.mock, {
      kind: 'answer',
      position: d.position,
      choice: { values: i.isStringSelectMenu() ? i.values : [] },
    }),
});
const go = componentHandler({
  customId: mockGoId,
  execute: (i, d, ctx) => handle(i, ctx, d.mock, { kind: 'go', position: d.position }),
});
const flag = componentHandler({
  customId: mockFlagId,
  execute: (i, d, ctx) => handle(i, ctx, d.mock, { kind: 'flag', position: d.position }),
});
const jump = componentHandler({
  customId: mockJumpId,
  execute: (i, d, ctx) =>
    handle(i, ctx, d.mock, { kind: 'go', position: Number(i.isStringSelectMenu() ? i.values[0] : 0) || 0 }),
});
const submit = componentHandler({
  customId: mockSubmitId,
  async execute(interaction, data, ctx) {
    const result = act(interaction, ctx, data.mock, { kind: 'go', position: data.from });
    if (result.status === 'ok')
      return show(interaction, renderConfirm(result.view, result.position, ctx.locale));
    if (result.status === 'finished') return show(interaction, mockResultMessage(ctx, result.view));
    return replyPrivately(interaction, refusal(ctx, result.status));
  },
});
const confirm = componentHandler({
  customId: mockConfirmId,
  execute: (i, d, ctx) => handle(i, ctx, d.mock, { kind: 'submit' }),
});

/** A finished mock's result and review pages: read-only, for the member who took it. */
function finishedView(
  interaction: ComponentInteraction,
  ctx: InteractionContext,
  mockId: number,
): MockView | string {
  const mock = ctx.stores.mocks.find(mockId);
  if (!mock) return refusal(ctx, 'gone');
  if (mock.guildId !== interaction.guildId || mock.userId !== interaction.user.id)
    return refusal(ctx, 'not-yours');
  return expireIfDue(ctx, ctx.deck, mock, ctx.now());
}

const result = componentHandler({
  customId: mockResultId,
  async execute(interaction, data, ctx) {
    const view = finishedView(interaction, ctx, data.mock);
    if (typeof view === 'string') return replyPrivately(interaction, view);
    await show(interaction, viewFor(ctx, view, 0));
  },
});
const review = componentHandler({
  customId: mockReviewId,
  async execute(interaction, data, ctx) {
    const view = finishedView(interaction, ctx, data.mock);
    if (typeof view === 'string') return replyPrivately(interaction, view);
    if (view.mock.status === 'running') return show(interaction, viewFor(ctx, view, 0));
    const scored = scoreMock(view.items, ctx.deck.questionById);
    await show(interaction, renderReview(view, scored, data.page % 1000, ctx.locale));
  },
});

/** Ordering and matching: the shared panel in its own private message; submit stores the choice. */
const panel = panelHandlers({
  ids: mockPanelIds,
  question(target, ctx) {
    const item = ctx.stores.mocks.items(target.mock)[target.position];
    return item ? ctx.deck.questionById.get(item.questionId) : undefined;
  },
  async open(interaction, target, ctx) {
    const mock = ctx.stores.mocks.find(target.mock);
    if (!mock || mock.userId !== interaction.user.id) return { refuse: refusal(ctx, 'not-yours') };
    const view = expireIfDue(ctx, ctx.deck, mock, ctx.now());
    return view.mock.status === 'running' ? undefined : { refuse: mockResultMessage(ctx, view).content };
  },
  async submit(interaction, target, choice, ctx) {
    const result = act(interaction, ctx, target.mock, {
      kind: 'answer',
      position: target.position,
      choice: { full: choice },
    });
    if (result.status === 'finished') return mockResultMessage(ctx, result.view).content;
    if (result.status !== 'ok') return refusal(ctx, result.status);
    const question = ctx.deck.questionById.get(result.view.items[target.position]!.questionId)!;
    return mockMessages(ctx.locale).panelRecorded(describeChoice(question, choice));
  },
});

export const mockComponentHandlers: ComponentHandler[] = [
  answerButton,
  answerSelect,
  go,
  flag,
  jump,
  submit,
  confirm,
  result,
  review,
  ...panel,
];
