/** Cuts text to Discord's limit for where it goes (a label, a field, a message), marking the cut with "…". */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
