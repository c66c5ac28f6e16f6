/**
 * IANA time-zone names: validation for `/config` and search for its autocomplete.
 * Only `Intl` is used, so the list is whatever the runtime's ICU knows.
 */

/** Names every runtime accepts for UTC but `Intl.supportedValuesOf` does not list. */
const UTC_NAMES = ['UTC', 'Etc/UTC'] as const;

/**
 * Current IANA names that older ICU data (Node 20) lists only under their former spelling
 * (e.g. it lists Asia/Calcutta, not Asia/Kolkata). People type the current name, so accept it.
 */
const CURRENT_IANA_NAMES = [
  'Africa/Asmara',
  'America/Argentina/Buenos_Aires',
  'America/Atikokan',
  'America/Indiana/Indianapolis',
  'America/Kentucky/Louisville',
  'America/Nuuk',
  'Asia/Ho_Chi_Minh',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Asia/Yangon',
  'Atlantic/Faroe',
  'Europe/Kyiv',
  'Pacific/Chuuk',
  'Pacific/Kanton',
  'Pacific/Pohnpei',
] as const;

/** Shown first for an empty query: the study server's zones, UTC, then other common ones. */
const FEATURED_TIME_ZONES = [
  'America/Sao_Paulo',
  'Europe/Lisbon',
  'UTC',
  'America/Manaus',
  'America/Fortaleza',
  'America/Recife',
  'America/Bahia',
  'America/Belem',
  'America/Cuiaba',
  'America/Campo_Grande',
  'America/Porto_Velho',
  'America/Rio_Branco',
  'America/Noronha',
  'Atlantic/Azores',
  'Atlantic/Madeira',
  'Africa/Luanda',
  'Africa/Maputo',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Madrid',
  'Europe/Berlin',
  'Asia/Tokyo',
] as const;

/** Extra words (pt-BR and English) that find a zone whose name does not contain them. */
const SEARCH_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  'America/Sao_Paulo': ['Brasília', 'Brasil', 'Brazil', 'Rio de Janeiro', 'Belo Horizonte', 'BRT'],
  'Europe/Lisbon': ['Lisboa', 'Portugal', 'Porto'],
  'America/New_York': ['Nova York', 'Nova Iorque', 'Eastern'],
  'Europe/London': ['Londres'],
  UTC: ['GMT', 'Universal', 'Zulu'],
};

function isAcceptedByIntl(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

let knownNames: readonly string[] | undefined;

/** Every name we accept, exactly as spelled by IANA/ICU, computed once. */
function allTimeZoneNames(): readonly string[] {
  if (knownNames === undefined) {
    const names = new Set<string>(Intl.supportedValuesOf('timeZone'));
    for (const name of [...UTC_NAMES, ...CURRENT_IANA_NAMES]) {
      if (isAcceptedByIntl(name)) names.add(name);
    }
    knownNames = [...names];
  }
  return knownNames;
}

let knownNameSet: ReadonlySet<string> | undefined;

/**
 * True for an IANA zone name spelled exactly as IANA does ('America/Sao_Paulo', 'UTC').
 * Rejects '', offsets ('+03:00'), wrong case ('america/sao_paulo') and legacy abbreviations
 * ('EST' is really America/Panama in ICU, a trap for admins). Use {@link normalizeTimeZone}
 * to turn loosely typed input into the exact spelling.
 */
export function isValidTimeZone(name: string): boolean {
  knownNameSet ??= new Set(allTimeZoneNames());
  return knownNameSet.has(name);
}

/** The exact spelling of a zone name typed with any case or surrounding spaces, or null. */
export function normalizeTimeZone(input: string): string | null {
  const wanted = input.trim().replace(/ /g, '_').toLowerCase();
  if (wanted === '') return null;
  return allTimeZoneNames().find((name) => name.toLowerCase() === wanted) ?? null;
}

/** Lower case, no accents, and '_' / '-' / spaces all alike, so 'são paulo' finds 'Sao_Paulo'. */
function searchForm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[_\-\s]+/g, ' ')
    .trim();
}

/** Lower is better; null when the query does not match at all. */
function matchTier(name: string, query: string): number | null {
  const full = searchForm(name);
  if (full.startsWith(query)) return 0;
  const segments = full.split('/');
  if (segments.some((segment) => segment.startsWith(query))) return 1;
  const keywords = (SEARCH_KEYWORDS[name] ?? []).map(searchForm);
  if (keywords.some((keyword) => keyword.startsWith(query))) return 1;
  const words = segments.flatMap((segment) => segment.split(' '));
  if (words.some((word) => word.startsWith(query))) return 2;
  if (full.includes(query) || keywords.some((keyword) => keyword.includes(query))) return 3;
  return null;
}

function featuredIndex(name: string): number {
  const index = (FEATURED_TIME_ZONES as readonly string[]).indexOf(name);
  return index === -1 ? FEATURED_TIME_ZONES.length : index;
}

/**
 * Zone names for Discord autocomplete (at most `limit`, Discord allows 25).
 * Case- and accent-insensitive substring match; names that start with the query come first, then
 * names with a part ('Sao_Paulo') or word ('Paulo') starting with it, then any other substring match.
 * Within a tier, featured zones come first, then alphabetical order.
 * An empty query lists the featured zones (America/Sao_Paulo, Europe/Lisbon, UTC, ...).
 */
export function searchTimeZones(query: string, limit = 25): string[] {
  const max = Math.max(0, Math.floor(limit));
  const wanted = searchForm(query);
  if (wanted === '') {
    return FEATURED_TIME_ZONES.filter((name) => isValidTimeZone(name)).slice(0, max);
  }
  const matches: { name: string; tier: number }[] = [];
  for (const name of allTimeZoneNames()) {
    const tier = matchTier(name, wanted);
    if (tier !== null) matches.push({ name, tier });
  }
  matches.sort(
    (a, b) =>
      a.tier - b.tier ||
      featuredIndex(a.name) - featuredIndex(b.name) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return matches.slice(0, max).map((match) => match.name);
}
