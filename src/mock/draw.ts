import { shuffled } from '../deck/random';
import { EXAM_DOMAINS, type ExamDomain, type Question, type QuestionType } from '../deck/types';

export const MOCK_ITEMS = 65;
const DOMAINS = [1, 2, 3, 4, 5] as const satisfies readonly ExamDomain[];

/**
 * Whole numbers that add up to `count` in the proportions of `weights` (largest remainder: each gets the
 * floor of its share, the leftovers go to the largest fractions, ties to the first). Every result is
 * within 1 of its exact share.
 */
export function apportion(weights: readonly number[], count: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total === 0 ? 0 : (w / total) * count));
  const counts = exact.map(Math.floor);
  const order = exact
    .map((e, i) => ({ i, rest: e - Math.floor(e) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  const leftover = count - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < leftover; k++) counts[order[k % order.length]!.i]! += 1;
  return counts;
}

/** Items per domain in a mock of `count`: 65 → 13/16/18/9/9 for the weights 20/24/28/14/14. */
export function domainQuotas(count = MOCK_ITEMS): Record<ExamDomain, number> {
  const counts = apportion(
    DOMAINS.map((d) => EXAM_DOMAINS[d].weight),
    count,
  );
  return Object.fromEntries(DOMAINS.map((d, i) => [d, counts[i]!])) as Record<ExamDomain, number>;
}

const FORMATS: readonly QuestionType[] = ['single', 'multi', 'order', 'match'];

/**
 * The items of one mock: each domain gets its quota (`domainQuotas`); inside a domain the formats get
 * their share of that domain's bank (multiple choice, multiple response, ordering, matching, apportioned
 * the same way), each drawn at random; then the whole set is shuffled, as the exam mixes domains.
 * A domain (or format) with too few items gives its place to the others.
 */
export function drawMock(pool: readonly Question[], random: () => number, count = MOCK_ITEMS): Question[] {
  const quotas = domainQuotas(count);
  const chosen: Question[] = [];
  const rest: Question[] = [];
  for (const domain of DOMAINS) {
    const items = pool.filter((q) => q.domain === domain);
    const byFormat = FORMATS.map((f) =>
      shuffled(
        items.filter((q) => q.type === f),
        random,
      ),
    );
    const perFormat = apportion(
      byFormat.map((list) => list.length),
      Math.min(quotas[domain], items.length),
    );
    byFormat.forEach((list, i) => {
      chosen.push(...list.slice(0, perFormat[i]));
      rest.push(...list.slice(perFormat[i]));
    });
  }
  if (chosen.length < count) chosen.push(...shuffled(rest, random).slice(0, count - chosen.length));
  return shuffled(chosen, random);
}
