import type { ExamDomain, Question } from '../deck/types';
import { drawWeighted } from '../quiz/question-selection';
import type { CardTally, MemberCard } from './card-store';
import { retrievability } from './scheduler';

/** Objectives with fewer reviews than this are treated as unknown (neutral weight). */
const OBJECTIVE_MIN_REVIEWS = 2;

/** Accuracy of the member's reviews per exam-guide objective (each item counts for all its objectives). */
export function objectiveAccuracy(
  cards: readonly CardTally[],
  questionById: ReadonlyMap<string, Question>,
): Map<string, { reviews: number; correct: number }> {
  const tally = new Map<string, { reviews: number; correct: number }>();
  for (const card of cards) {
    const question = questionById.get(card.questionId);
    if (!question) continue;
    for (const objective of question.objectives) {
      const t = tally.get(objective) ?? { reviews: 0, correct: 0 };
      t.reviews += card.reps;
      t.correct += card.correct;
      tally.set(objective, t);
    }
  }
  return tally;
}

/**
 * Weight of a new item by the member's weakest objectives: 1 for an objective without enough reviews,
 * 1 + 3 × error rate otherwise (an objective always missed is drawn 4× as often as a mastered one);
 * an item takes the largest weight among its objectives.
 */
export function weaknessWeight(
  question: Question,
  accuracy: ReadonlyMap<string, { reviews: number; correct: number }>,
): number {
  let weight = 1;
  for (const objective of question.objectives) {
    const t = accuracy.get(objective);
    if (!t || t.reviews < OBJECTIVE_MIN_REVIEWS) continue;
    weight = Math.max(weight, 1 + 3 * (1 - t.correct / t.reviews));
  }
  return weight;
}

export type NextItem = { questionId: string; reason: 'due' | 'new' | 'ahead' } | null;

/**
 * The next practice item for a member:
 * 1. due cards (due ≤ now), the most overdue first (lowest retrievability);
 * 2. otherwise a new item (no card yet): an exam domain drawn by its weight among the domains that still
 *    have new items, then an item of that domain weighted by `weaknessWeight`;
 * 3. otherwise (every item reviewed, none due) the card with the lowest retrievability, reviewed ahead.
 * `exclude` holds the items already in the session, so a session never shows one twice.
 */
export function chooseNextItem(params: {
  pool: readonly Question[];
  cards: readonly MemberCard[];
  questionById: ReadonlyMap<string, Question>;
  exclude: ReadonlySet<string>;
  now: number;
  random: () => number;
}): NextItem {
  const { cards, now } = params;
  return chooseNextItemFrom({
    ...params,
    due: () => cards.filter((c) => c.due <= now),
    tallies: () => cards,
    all: () => cards,
  });
}

/**
 * The same choice with each kind of card read only when needed (due cards first; every card's tally only
 * when nothing is due; whole cards only when nothing is new): what /practice calls, on SQLite.
 */
export function chooseNextItemFrom(params: {
  pool: readonly Question[];
  due: () => readonly MemberCard[];
  tallies: () => readonly CardTally[];
  all: () => readonly MemberCard[];
  questionById: ReadonlyMap<string, Question>;
  exclude: ReadonlySet<string>;
  now: number;
  random: () => number;
}): NextItem {
  const { pool, questionById, exclude, now, random } = params;
  const ids = poolIds(pool);
  const usable = (c: { questionId: string }) => !exclude.has(c.questionId) && ids.has(c.questionId);

  let due: MemberCard | undefined;
  let dueR = Infinity;
  for (const card of params.due()) {
    if (card.due > now || !usable(card)) continue;
    const r = retrievability(card, now);
    if (r < dueR || (r === dueR && due && card.due < due.due)) [due, dueR] = [card, r];
  }
  if (due) return { questionId: due.questionId, reason: 'due' };

  const cards = params.tallies();
  const seen = new Set(cards.map((c) => c.questionId));
  const byDomain = new Map<ExamDomain, Question[]>();
  for (const q of pool) {
    if (seen.has(q.id) || exclude.has(q.id)) continue;
    const list = byDomain.get(q.domain);
    if (list) list.push(q);
    else byDomain.set(q.domain, [q]);
  }
  if (byDomain.size > 0) {
    const domain = drawWeighted([...byDomain.keys()], random);
    const items = byDomain.get(domain)!;
    const accuracy = objectiveAccuracy(cards, questionById);
    const weights = items.map((q) => weaknessWeight(q, accuracy));
    let ticket = random() * weights.reduce((a, b) => a + b, 0);
    for (const [i, q] of items.entries()) {
      ticket -= weights[i]!;
      if (ticket < 0) return { questionId: q.id, reason: 'new' };
    }
    return { questionId: items[items.length - 1]!.id, reason: 'new' };
  }

  let ahead: MemberCard | undefined;
  let aheadR = Infinity;
  for (const card of params.all()) {
    if (!usable(card)) continue;
    const r = retrievability(card, now);
    if (r < aheadR) [ahead, aheadR] = [card, r];
  }
  return ahead ? { questionId: ahead.questionId, reason: 'ahead' } : null;
}

const poolIdCache = new WeakMap<readonly Question[], Set<string>>();
function poolIds(pool: readonly Question[]): Set<string> {
  let ids = poolIdCache.get(pool);
  if (!ids) {
    ids = new Set(pool.map((q) => q.id));
    poolIdCache.set(pool, ids);
  }
  return ids;
}
