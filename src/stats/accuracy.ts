export interface Tally {
  answered: number;
  correct: number;
}

/** A 10-cell text bar with the percentage and the counts: '██████░░░░ 60% (12/20)'. */
export function accuracyBar({ answered, correct }: Tally, width = 10): string {
  const share = answered === 0 ? 0 : correct / answered;
  const filled = Math.round(share * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.round(share * 100)}% (${correct}/${answered})`;
}

/** Topics needing a few answers before they can be called weak: one wrong answer says little. */
export const WEAK_TOPIC_MIN_ANSWERS = 3;

/**
 * The `count` topics with the lowest accuracy among those with enough answers and at least one miss;
 * ties go to the topic with more answers (more evidence), then by name for a stable order.
 */
export function weakestTopics<T extends Tally & { topic: string }>(
  topics: readonly T[],
  count = 3,
  minAnswers = WEAK_TOPIC_MIN_ANSWERS,
): T[] {
  return topics
    .filter((t) => t.answered >= minAnswers && t.correct < t.answered)
    .sort(
      (a, b) =>
        a.correct / a.answered - b.correct / b.answered ||
        b.answered - a.answered ||
        a.topic.localeCompare(b.topic),
    )
    .slice(0, count);
}
