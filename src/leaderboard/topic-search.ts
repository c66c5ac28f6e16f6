/** Case- and accent-insensitive form for matching what a member types against topic names. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

/** Topics containing what was typed (those starting with it first), at most `limit` (Discord allows 25). */
export function searchTopics(topics: readonly string[], typed: string, limit = 25): string[] {
  const needle = foldForSearch(typed);
  const matches = topics.filter((topic) => foldForSearch(topic).includes(needle));
  const starts = matches.filter((topic) => foldForSearch(topic).startsWith(needle));
  const rest = matches.filter((topic) => !foldForSearch(topic).startsWith(needle));
  return [...starts, ...rest].slice(0, limit);
}

/** The deck topic a typed value names (exactly, ignoring case and accents), or null. */
export function findTopic(topics: readonly string[], typed: string): string | null {
  const needle = foldForSearch(typed);
  return topics.find((topic) => foldForSearch(topic) === needle) ?? null;
}
