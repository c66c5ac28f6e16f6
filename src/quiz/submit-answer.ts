import type { ChoiceInput } from '../answers/choice';
import { recordAnswer } from '../answers/record-answer';
import type { AnswerStore } from '../answers/answer-store';
import type { WithStores } from '../db/with-stores';
import type { Question } from '../deck/types';
import type { ClickSlot, RoundStore } from './round-store';
import {
  choiceFromComponent,
  consecutiveCorrectBefore,
  describeChoice,
  parseStoredChoice,
  responseTimeMs,
} from './round-rules';
import { isCorrectChoice, scoreAnswer } from './scoring';

export type SubmitResult =
  | { kind: 'registered'; label: string; correct: boolean; points: number; responseMs: number }
  | { kind: 'duplicate'; label: string }
  | { kind: 'closed' }
  | { kind: 'round-over' }
  | { kind: 'unknown-round' }
  | { kind: 'invalid' };

/** What deciding a click reads and writes: the round's click statements and the answer's. */
export type SubmitData = WithStores<{ rounds: RoundStore; answers: AnswerStore }>;

export interface SubmitInput {
  roundId: number;
  position: number;
  userId: string;
  input: ChoiceInput;
}

/**
 * One member's click on a round question, decided against SQLite only (so it holds across restarts and
 * never depends on a timer having fired): the first answer while the question is open counts, with
 * speed-weighted points and the streak bonus; anything else is refused with a reason.
 */
export function submitAnswer(
  data: SubmitData,
  questionById: ReadonlyMap<string, Question>,
  now: number,
  { roundId, position, userId, input }: SubmitInput,
): SubmitResult {
  const store = data.stores.rounds;
  const state = store.clickState(roundId, position, userId);
  if (!state) return { kind: 'unknown-round' };
  const { round, slot, earlierChoice } = state;
  const question = slot ? questionById.get(slot.questionId) : undefined;
  if (!slot || !question) return { kind: 'unknown-round' };

  if (earlierChoice !== null) {
    return { kind: 'duplicate', label: describeChoice(question, parseStoredChoice(earlierChoice)) };
  }
  if (round.status !== 'running') return { kind: 'round-over' };
  if (position !== round.currentPosition || !isOpen(slot, now)) return { kind: 'closed' };

  const choice = choiceFromComponent(question, input);
  if (!choice) return { kind: 'invalid' };
  const correct = isCorrectChoice(choice, question.answers, question.type);
  const responseMs = responseTimeMs(slot.openedAt!, now, round.secondsPerQuestion);
  const { points } = scoreAnswer({
    correct,
    responseMs,
    limitMs: round.secondsPerQuestion * 1000,
    streakBefore: correct ? consecutiveCorrectBefore(position, store.memberResults(roundId, userId)) : 0,
  });
  const recorded = recordAnswer(data, {
    guildId: round.guildId,
    userId,
    questionId: question.id,
    kind: 'round',
    roundId,
    choice,
    correct,
    responseMs,
    points,
    domain: question.domain,
    topic: question.topic,
    answeredAt: now,
  });
  if (!recorded.recorded) {
    // Lost a race with the same member's other click: report the one that counted.
    const first = store.memberChoice(roundId, question.id, userId) ?? '';
    return { kind: 'duplicate', label: describeChoice(question, parseStoredChoice(first)) };
  }
  return { kind: 'registered', label: describeChoice(question, choice), correct, points, responseMs };
}

function isOpen(slot: ClickSlot, now: number): boolean {
  return (
    slot.openedAt !== null && slot.deadlineAt !== null && slot.revealedAt === null && now < slot.deadlineAt
  );
}
