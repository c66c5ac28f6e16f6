import { seededRandom, shuffled } from '../deck/random';

/** A deterministic shuffle: each server gets its own order, and tests can predict it. */
function seededOrder<T>(items: readonly T[], seed: string): T[] {
  return shuffled(items, seededRandom(seed));
}

/**
 * The service of the day: services rotate per server without repeats until every one has been shown,
 * then a new cycle starts in a new order. Derived only from the server's past service posts (oldest
 * first), so nothing extra is stored and a restart cannot skip or repeat one.
 */
export function pickServiceOfDay(
  serviceNames: readonly string[],
  guildId: string,
  pastSubjects: readonly string[],
): string | null {
  if (serviceNames.length === 0) return null;
  const names = [...new Set(serviceNames)].sort();
  // Replay the history: a cycle ends once every service of today's deck has been shown. Services no longer
  // in the deck are skipped, so a notes edit that adds or drops a service does not bring back a recent one.
  const inDeck = new Set(names);
  let cycle = 0;
  const shownThisCycle = new Set<string>();
  for (const subject of pastSubjects) {
    if (!inDeck.has(subject)) continue;
    shownThisCycle.add(subject);
    if (shownThisCycle.size === names.length) {
      cycle += 1;
      shownThisCycle.clear();
    }
  }
  const order = seededOrder(names, `service:${guildId}:${cycle}`);
  return order.find((name) => !shownThisCycle.has(name)) ?? order[0] ?? null;
}

/**
 * The question of the day: one the server has not had as question of the day yet, in a per-server
 * deterministic order; once all have been used, the one used longest ago.
 */
export function pickQuestionOfDay(
  questionIds: readonly string[],
  guildId: string,
  pastSubjects: readonly string[],
): string | null {
  if (questionIds.length === 0) return null;
  const order = seededOrder([...new Set(questionIds)].sort(), `question:${guildId}`);
  const lastUsed = new Map<string, number>();
  pastSubjects.forEach((subject, index) => lastUsed.set(subject, index));
  const unseen = order.find((id) => !lastUsed.has(id));
  if (unseen !== undefined) return unseen;
  return [...order].sort((a, b) => (lastUsed.get(a) ?? -1) - (lastUsed.get(b) ?? -1))[0] ?? null;
}
