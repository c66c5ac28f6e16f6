import type { Db } from '../db/database';
import type { DeckIndex } from '../deck';
import type { Question } from '../deck/types';
import { splitCustomId } from '../discord/custom-id';
import type { Logger } from '../shared/logger';
import { answerButtonId, answerMenuId, quizPanelIds } from '../quiz/custom-ids';
import { roundQuestionAt } from '../quiz/round-store';
import type { DiscordStandIn, StandInMember, StoredMessage } from '../stand-in';
import { answerInPanel, wrongPanelChoice } from '../stand-in/answer-panel';

/** One simulated member's move on one question: which option(s), after how long, or none. */
export interface PlannedAnswer {
  member: StandInMember;
  delayMs: number;
  /** Option indexes: one for a button question, `answers.length` for "choose TWO/THREE", and for an
   * ordering or matching panel the choice itself (options in order, or the option per prompt). */
  options: number[];
  correct: boolean;
  /** Planned past the deadline: the click comes too late (the buttons are gone by then). */
  late: boolean;
}

export interface PlanInput {
  question: Question;
  /** ms left until the question's deadline. */
  remainingMs: number;
  members: ReadonlyArray<{ member: StandInMember; skill: number }>;
  random?: () => number;
}

/**
 * How a small study group answers at human speeds: most answer between ~2 s and ~85 % of the time left,
 * a member is right with the probability of their skill, about one in eight skips, about one in eight is
 * late. Pure (random injected) so it can be tested.
 */
export function planAnswers(input: PlanInput): PlannedAnswer[] {
  const random = input.random ?? Math.random;
  const { question, remainingMs } = input;
  const plans: PlannedAnswer[] = [];
  for (const { member, skill } of input.members) {
    const roll = random();
    if (roll < 0.12) continue; // skips this one
    const late = roll > 0.88;
    const earliest = Math.min(2_000, remainingMs * 0.2);
    const delayMs = late
      ? remainingMs + 500 + random() * 2_000
      : earliest + random() * Math.max(0, remainingMs * 0.85 - earliest);
    const correct = random() < skill;
    plans.push({ member, delayMs, late, correct, options: pickOptions(question, correct, random) });
  }
  return plans;
}

function pickOptions(question: Question, correct: boolean, random: () => number): number[] {
  if (question.type === 'order' || question.type === 'match')
    return correct ? [...question.answers] : wrongPanelChoice(question);
  if (correct) return [...question.answers].sort((a, b) => a - b);
  const wrong = question.options.map((_, i) => i).filter((i) => !question.answers.includes(i));
  const size = question.type === 'multi' ? question.answers.length : 1;
  // Wrong: at least one wrong option, the rest drawn from everything else.
  const first = wrong[Math.floor(random() * wrong.length)] ?? 0;
  const rest = question.options
    .map((_, i) => i)
    .filter((i) => i !== first)
    .sort(() => random() - 0.5)
    .slice(0, size - 1);
  return [first, ...rest].sort((a, b) => a - b);
}

interface Component {
  type: number;
  custom_id?: string;
  disabled?: boolean;
  components?: Component[];
}

type Control = 'button' | 'menu' | 'panel';

/** The round question a public message asks with buttons, a menu or a panel, if it is one. */
function roundQuestionOf(
  message: StoredMessage,
): { roundId: number; position: number; control: Control; customId: string } | null {
  if (message.ephemeral || message.deleted) return null;
  const components = (message.components as Component[]).flatMap((row) => row.components ?? []);
  for (const component of components) {
    if (!component.custom_id || component.disabled) continue;
    try {
      const { prefix, fields } = splitCustomId(component.custom_id);
      const customId = component.custom_id;
      if (prefix === answerButtonId.prefix) {
        const { roundId, position } = answerButtonId.parseFields(fields);
        return { roundId, position, control: 'button', customId };
      }
      if (prefix === answerMenuId.prefix)
        return { ...answerMenuId.parseFields(fields), control: 'menu', customId };
      if (prefix === quizPanelIds.open.prefix)
        return { ...quizPanelIds.open.parseFields(fields), control: 'panel', customId };
    } catch {
      // not one of ours
    }
  }
  return null;
}

export interface SimulatedMembers {
  enabled: boolean;
  stop(): void;
}

/**
 * Simulated members follow the channel and answer each round question (buttons, menus, and the private
 * panel of ordering and matching questions) as real members do: through the stand-in, so the bot sees ordinary
 * interactions and shows their private acknowledgements to them only.
 */
export function startSimulatedMembers(params: {
  standIn: DiscordStandIn;
  db: Db;
  deck: DeckIndex;
  members: ReadonlyArray<{ member: StandInMember; skill: number }>;
  logger: Logger;
  enabled?: boolean;
  random?: () => number;
}): SimulatedMembers {
  const { standIn, db, deck, logger } = params;
  const seen = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const state: SimulatedMembers = {
    enabled: params.enabled ?? true,
    stop: () => {
      unsubscribe();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };

  const unsubscribe = standIn.onMessageChange((message) => {
    if (!state.enabled || seen.has(message.id)) return;
    const asked = roundQuestionOf(message);
    if (!asked) return;
    const row = roundQuestionAt(db, asked.roundId, asked.position);
    const question = row ? deck.questionById.get(row.questionId) : undefined;
    if (!row?.deadlineAt || !question) return;
    seen.add(message.id);
    for (const plan of planAnswers({
      question,
      remainingMs: row.deadlineAt - Date.now(),
      members: params.members,
      random: params.random,
    })) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!state.enabled) return;
        // Too late (the reveal removed the controls) or the round was stopped: a member who missed it.
        const missed = (error: unknown) =>
          logger.debug({ err: error, member: plan.member.username }, 'simulated member missed a question');
        try {
          if (asked.control === 'panel')
            void answerInPanel(
              standIn,
              plan.member,
              question,
              { customId: asked.customId, messageId: message.id },
              plan.options,
            ).catch(missed);
          else if (asked.control === 'menu')
            standIn.selectMenu({
              member: plan.member,
              customId: asked.customId,
              messageId: message.id,
              values: plan.options.map(String),
            });
          else
            standIn.clickButton({
              member: plan.member,
              customId: answerButtonId.encode({
                roundId: asked.roundId,
                position: asked.position,
                option: plan.options[0] ?? 0,
              }),
              messageId: message.id,
            });
        } catch (error) {
          missed(error);
        }
      }, plan.delayMs);
      timers.add(timer);
    }
  });
  return state;
}
