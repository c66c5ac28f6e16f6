import type { ExamDomain, Question } from '../deck/types';
import { shuffled } from './seeded-random';

export interface SelectionFilter {
  topic?: string | null;
  domain?: ExamDomain | null;
}

export type SelectionResult =
  { ok: true; questions: Question[] } | { ok: false; reason: 'too-few'; available: number };

/**
 * Picks `count` distinct questions for a round. Questions the server has never played come first (in
 * random order), then the ones played longest ago, so a group sees the whole deck before repeats.
 * `lastPlayedAt` maps question id → when the server last had it in a round.
 */
export function selectQuestions(params: {
  pool: readonly Question[];
  count: number;
  filter: SelectionFilter;
  lastPlayedAt: ReadonlyMap<string, number>;
  random: () => number;
}): SelectionResult {
  const { pool, count, filter, lastPlayedAt, random } = params;
  const matching = pool.filter(
    (q) => (!filter.topic || q.topic === filter.topic) && (!filter.domain || q.domain === filter.domain),
  );
  const distinct = [...new Map(matching.map((q) => [q.id, q])).values()];
  if (distinct.length < count) return { ok: false, reason: 'too-few', available: distinct.length };

  const fresh = distinct.filter((q) => !lastPlayedAt.has(q.id));
  // Shuffle before the stable sort so questions last played at the same time come in random order.
  const played = shuffled(
    distinct.filter((q) => lastPlayedAt.has(q.id)),
    random,
  ).sort((a, b) => lastPlayedAt.get(a.id)! - lastPlayedAt.get(b.id)!);
  const chosen = [...shuffled(fresh, random), ...played].slice(0, count);
  // Fresh ones should not always lead the round: mix the chosen set.
  return { ok: true, questions: shuffled(chosen, random) };
}
