import { EXAM_DOMAINS, type ExamDomain, type Question } from '../deck/types';
import { shuffled } from '../deck/random';

export interface SelectionFilter {
  topic?: string | null;
  domain?: ExamDomain | null;
}

export type SelectionResult =
  { ok: true; questions: Question[] } | { ok: false; reason: 'too-few'; available: number };

/**
 * Picks `count` distinct questions for a round. Questions the server has never played come first (in
 * random order), then the ones played longest ago, so a group sees the whole deck before repeats.
 * Without a topic or domain filter each question's exam domain is drawn by its weight on the exam: the
 * notes are mostly fundamentals, and a round should feel like the exam, not like the notes.
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

  const chosen =
    filter.topic || filter.domain
      ? byFreshness(distinct, lastPlayedAt, random).slice(0, count)
      : weightedByDomain(distinct, count, lastPlayedAt, random);
  // Fresh ones should not always lead the round: mix the chosen set.
  return { ok: true, questions: shuffled(chosen, random) };
}

/** Never-played questions in random order, then played ones from the longest ago. */
function byFreshness(
  questions: readonly Question[],
  lastPlayedAt: ReadonlyMap<string, number>,
  random: () => number,
): Question[] {
  const fresh = questions.filter((q) => !lastPlayedAt.has(q.id));
  // Shuffle before the stable sort so questions last played at the same time come in random order.
  const played = shuffled(
    questions.filter((q) => lastPlayedAt.has(q.id)),
    random,
  ).sort((a, b) => lastPlayedAt.get(a.id)! - lastPlayedAt.get(b.id)!);
  return [...shuffled(fresh, random), ...played];
}

/**
 * Each slot draws a domain by exam weight among the domains that still have a fresh question. Once
 * nothing fresh is left, the rest comes from the longest ago played, whatever the domain.
 */
function weightedByDomain(
  questions: readonly Question[],
  count: number,
  lastPlayedAt: ReadonlyMap<string, number>,
  random: () => number,
): Question[] {
  const isFresh = (q: Question) => !lastPlayedAt.has(q.id);
  const freshByDomain = new Map<ExamDomain, Question[]>();
  for (const q of shuffled(questions.filter(isFresh), random)) {
    freshByDomain.set(q.domain, [...(freshByDomain.get(q.domain) ?? []), q]);
  }
  const chosen: Question[] = [];
  while (chosen.length < count && freshByDomain.size > 0) {
    const domain = drawWeighted([...freshByDomain.keys()], random);
    const queue = freshByDomain.get(domain)!;
    chosen.push(queue.shift()!);
    if (queue.length === 0) freshByDomain.delete(domain);
  }
  const repeats = byFreshness(
    questions.filter((q) => !isFresh(q)),
    lastPlayedAt,
    random,
  );
  return [...chosen, ...repeats.slice(0, count - chosen.length)];
}

/** One exam domain drawn by its weight on the exam among `domains` (also used by /practice). */
export function drawWeighted(domains: readonly ExamDomain[], random: () => number): ExamDomain {
  const total = domains.reduce((sum, d) => sum + EXAM_DOMAINS[d].weight, 0);
  let ticket = random() * total;
  for (const domain of domains) {
    ticket -= EXAM_DOMAINS[domain].weight;
    if (ticket < 0) return domain;
  }
  return domains[domains.length - 1]!;
}
