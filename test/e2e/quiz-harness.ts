import { eq } from 'drizzle-orm';
import { answers } from '../../src/db/schema';
import { createDeckIndex } from '../../src/deck';
import type { Question } from '../../src/deck/types';
import { createQuizFeature } from '../../src/quiz/quiz-feature';
import { findRunningRound, roundQuestionList, type RoundRow } from '../../src/quiz/round-store';
import { ManualScheduler } from '../support/manual-scheduler';
import type { CommandOption, DiscordStandIn, StandInMember, StoredMessage } from '../../src/stand-in';
import { startTestBot, type TestBot } from '../support/test-bot';
import type { Clock } from '../quiz/runner-harness';
import { answerButtonId, answerMenuId, quizPanelIds, stopButtonId } from '../../src/quiz/custom-ids';
import { answerInPanel, later, wrongPanelChoice, type AnswerHandle } from '../../src/stand-in/answer-panel';

export const NEXT_DELAY_MS = 2000;

/** A bot whose quiz timers run on a hand-moved clock, so deadlines pass without waiting. */
export async function startQuizBot(
  standIn: DiscordStandIn,
  questions: readonly Question[],
  clock: Clock,
  databasePath?: string,
  /** As shard processes run: clicks decided on the answer thread. */
  answerThread = false,
): Promise<{ bot: TestBot; scheduler: ManualScheduler }> {
  const scheduler = new ManualScheduler(clock.now);
  const bot = await startTestBot(standIn, {
    deck: createDeckIndex({ notesSha256: '0'.repeat(64), questions: [...questions], services: [] }),
    now: clock.now,
    features: [createQuizFeature({ scheduler: () => scheduler, nextQuestionDelayMs: NEXT_DELAY_MS })],
    ...(databasePath ? { databasePath } : {}),
    answerThread,
  });
  return { bot, scheduler };
}

export function startOptions(
  over: { questions?: number; seconds?: number; topic?: string; domain?: number } = {},
) {
  const options: CommandOption[] = [];
  if (over.questions !== undefined) options.push({ name: 'questions', type: 4, value: over.questions });
  if (over.seconds !== undefined) options.push({ name: 'seconds', type: 4, value: over.seconds });
  if (over.topic !== undefined) options.push({ name: 'topic', type: 3, value: over.topic });
  if (over.domain !== undefined) options.push({ name: 'domain', type: 4, value: over.domain });
  return [{ name: 'start', type: 1, options }];
}

export const stopOptions = [{ name: 'stop', type: 1, options: [] }];

export interface OpenQuestion {
  round: RoundRow;
  position: number;
  question: Question;
  messageId: string;
  openedAt: number;
  deadlineAt: number;
}

/**
 * The question on screen now in the channel's running round, read from the bot's database once its
 * message is posted (the bot answers the command first, then posts the question).
 */
export async function currentQuestion(
  bot: TestBot,
  channelId: string,
  byId: Map<string, Question>,
): Promise<OpenQuestion> {
  for (let attempt = 0; ; attempt++) {
    const open = readCurrentQuestion(bot, channelId, byId);
    if (open) return open;
    if (attempt > 500) throw new Error('no open question in the channel');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function readCurrentQuestion(
  bot: TestBot,
  channelId: string,
  byId: Map<string, Question>,
): OpenQuestion | null {
  const round = findRunningRound(bot.ctx.db, channelId);
  if (!round) return null;
  const slot = roundQuestionList(bot.ctx.db, round.id)[round.currentPosition];
  if (!slot?.messageId || slot.openedAt === null || slot.deadlineAt === null) return null;
  return {
    round,
    position: slot.position,
    question: byId.get(slot.questionId)!,
    messageId: slot.messageId,
    openedAt: slot.openedAt,
    deadlineAt: slot.deadlineAt,
  };
}

/** What a member clicks to answer right or wrong, and the letters the bot will echo back. */
export function answerAction(open: OpenQuestion, right: boolean) {
  const q = open.question;
  const ids = { roundId: open.round.id, position: open.position };
  if (q.type === 'multi') {
    // A wrong pick has as many values as the key: the wrong options first, topped up with right ones.
    const wrong = q.options.map((_, i) => i).filter((i) => !q.answers.includes(i));
    const values = (right ? q.answers : [...wrong, ...q.answers].slice(0, q.answers.length)).map(String);
    return { kind: 'menu' as const, customId: answerMenuId.encode(ids), values };
  }
  if (q.type === 'order' || q.type === 'match') {
    return {
      kind: 'panel' as const,
      customId: quizPanelIds.open.encode(ids),
      choice: right ? q.answers : wrongPanelChoice(q),
    };
  }
  const option = right ? q.answers[0]! : (q.answers[0]! + 1) % q.options.length;
  return { kind: 'button' as const, customId: answerButtonId.encode({ ...ids, option }) };
}

/**
 * A member answers the open question: a button, the multi menu, or (order, match) the private panel.
 * Resolves to the interaction that carries the bot's acknowledgement.
 */
export function click(
  standIn: DiscordStandIn,
  member: StandInMember,
  open: OpenQuestion,
  right: boolean,
): AnswerHandle {
  const action = answerAction(open, right);
  if (action.kind === 'panel') {
    return later(
      answerInPanel(
        standIn,
        member,
        open.question,
        { customId: action.customId, messageId: open.messageId },
        action.choice,
      ),
    );
  }
  return action.kind === 'menu'
    ? standIn.selectMenu({
        member,
        customId: action.customId,
        values: action.values,
        messageId: open.messageId,
      })
    : standIn.clickButton({ member, customId: action.customId, messageId: open.messageId });
}

export function clickStop(standIn: DiscordStandIn, member: StandInMember, open: OpenQuestion) {
  return standIn.clickButton({
    member,
    customId: stopButtonId.encode({ roundId: open.round.id }),
    messageId: open.messageId,
  });
}

export function roundAnswers(bot: TestBot, roundId: number) {
  return bot.ctx.db.select().from(answers).where(eq(answers.roundId, roundId)).all();
}

export function embedOf(message: StoredMessage): {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
} {
  return (message.embeds[0] ?? {}) as never;
}

export function contentOf(data: unknown): string {
  return String((data as { content?: string } | undefined)?.content ?? '');
}
