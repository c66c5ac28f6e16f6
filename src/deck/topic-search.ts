/** Case- and accent-insensitive form for matching what a member types against topic names. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

/** Discord's autocomplete choices: at most 25, each value at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

/**
 * Topics containing what was typed (those starting with it first), for /quiz and /leaderboard autocomplete.
 * A topic too long to be a choice value is left out rather than cut, since a cut one would name no topic.
 */
export function searchTopics(topics: readonly string[], typed: string, limit = MAX_CHOICES): string[] {
  const needle = foldForSearch(typed);
  const matches = topics.filter(
    (topic) => topic.length <= MAX_CHOICE_LENGTH && foldForSearch(topic).includes(needle),
  );
  const starts = matches.filter((topic) => foldForSearch(topic).startsWith(needle));
  const rest = matches.filter((topic) => !foldForSearch(topic).startsWith(needle));
  return [...starts, ...rest].slice(0, limit);
}

/** The deck topic a typed value names (exactly, ignoring case and accents), or null. */
export function findTopic(topics: readonly string[], typed: string): string | null {
  const needle = foldForSearch(typed);
  return topics.find((topic) => foldForSearch(topic) === needle) ?? null;
}
