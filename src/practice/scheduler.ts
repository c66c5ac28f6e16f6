import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

/**
 * The spaced-repetition scheduler: FSRS (ts-fsrs, default parameters, 90% requested retention, no fuzz
 * so the same reviews always give the same dates) over one card per member and item. A card is plain
 * numbers so it can live in a SQLite row; every date is epoch ms on the injected clock.
 */
export interface CardState {
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  lastReview: number;
}

export { Rating };
export type { Grade };

const scheduler = fsrs({ enable_fuzz: false, enable_short_term: true, request_retention: 0.9 });

/** Answers quicker than this are "fast" (an exam item takes ~83 s on average: 90 min / 65). */
export const FAST_MS = 20_000;
/** Right answers slower than this were hard-won. */
export const SLOW_MS = 90_000;
/** A card is "well known" once in review with at least this stability (days). */
export const WELL_KNOWN_STABILITY_DAYS = 7;

/**
 * The grade of a review, taken from the answer (the member never rates themselves):
 * wrong → Again; right but slower than SLOW_MS → Hard; right within FAST_MS on a card that is in review
 * with stability ≥ WELL_KNOWN_STABILITY_DAYS → Easy; any other right answer → Good.
 */
export function gradeOf(
  answer: { correct: boolean; responseMs: number },
  card: Pick<CardState, 'state' | 'stability'> | null,
): Grade {
  if (!answer.correct) return Rating.Again;
  if (answer.responseMs > SLOW_MS) return Rating.Hard;
  const wellKnown =
    card !== null && card.state === State.Review && card.stability >= WELL_KNOWN_STABILITY_DAYS;
  if (answer.responseMs <= FAST_MS && wellKnown) return Rating.Easy;
  return Rating.Good;
}

function toFsrs(card: CardState): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    last_review: new Date(card.lastReview),
  };
}

function fromFsrs(card: Card, reviewedAt: number): CardState {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review?.getTime() ?? reviewedAt,
  };
}

/** The card after one review at `at` (a null card is a new item). */
export function review(card: CardState | null, grade: Grade, at: number): CardState {
  const before = card ? toFsrs(card) : createEmptyCard(new Date(at));
  return fromFsrs(scheduler.next(before, new Date(at), grade).card, at);
}

/** The probability (0–1) that the member still recalls the item at `at`; 0 for a card never reviewed. */
export function retrievability(card: CardState | null, at: number): number {
  if (!card || card.state === State.New) return 0;
  return scheduler.get_retrievability(toFsrs(card), new Date(at), false);
}
