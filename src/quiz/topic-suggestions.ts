/** Discord shows at most 25 autocomplete choices of up to 100 characters. */
const MAX_CHOICES = 25;
const MAX_LENGTH = 100;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Topics matching what the member typed, accent- and case-insensitive; prefix matches first. */
export function suggestTopics(topics: readonly string[], typed: string): string[] {
  const query = fold(typed.trim());
  const matches = topics.filter((t) => t.length <= MAX_LENGTH && fold(t).includes(query));
  const prefix = matches.filter((t) => fold(t).startsWith(query));
  const rest = matches.filter((t) => !fold(t).startsWith(query));
  return [...prefix, ...rest].slice(0, MAX_CHOICES);
}
