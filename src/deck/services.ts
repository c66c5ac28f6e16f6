import type { ServiceEntry } from './data';
import { escapeRegExp } from './text';

interface NameHit {
  service: ServiceEntry;
  index: number;
  length: number;
}

/** Knows every service name the notes may use and maps it to the official name. */
export class ServiceRegistry {
  readonly entries: readonly ServiceEntry[];
  private readonly byAnyName = new Map<string, ServiceEntry>();
  private readonly byOfficial = new Map<string, ServiceEntry>();
  private readonly finder: RegExp;
  private readonly misnomerFinder: RegExp;

  constructor(entries: readonly ServiceEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      this.byOfficial.set(entry.name, entry);
      for (const name of [entry.name, ...entry.aliases, ...entry.misnomers]) this.byAnyName.set(name, entry);
    }
    this.finder = wordAlternation([...this.byAnyName.keys()]);
    this.misnomerFinder = wordAlternation(entries.flatMap((e) => [e.name, ...e.misnomers]));
  }

  get(official: string): ServiceEntry | undefined {
    return this.byOfficial.get(official);
  }

  /** The entry a name stands for: its official name, an alias or a misnomer. */
  lookup(name: string): ServiceEntry | undefined {
    return this.byAnyName.get(name);
  }

  /** Rewrite wrong names (e.g. "AWS Rekognition") to the official ones; other text is untouched. */
  fixNames(text: string): string {
    return text.replace(this.misnomerFinder, (found) => this.byAnyName.get(found)?.name ?? found);
  }

  private hits(text: string): NameHit[] {
    const out: NameHit[] = [];
    for (const match of text.matchAll(this.finder)) {
      const service = this.byAnyName.get(match[0]);
      if (service) out.push({ service, index: match.index, length: match[0].length });
    }
    return out;
  }

  /** Official names of the services a text mentions, in order of first mention. */
  mentionedIn(text: string): string[] {
    return [...new Set(this.hits(text).map((h) => h.service.name))];
  }

  /**
   * The services a list-item or table-row NAME stands for: the name is a service name (optionally
   * followed by a parenthesis, e.g. "(Opcional)"), or starts with one ("Macie para PII"), or joins
   * two of them with "&".
   */
  resolveName(name: string): string[] {
    const bare = name.replace(/\s*\((?!A2I|AMT|IAM|KMS|IDP)[^)]*\)\s*$/, '').trim();
    const exact = this.byAnyName.get(bare) ?? this.byAnyName.get(name);
    if (exact) return [exact.name];
    const parts = bare.split(/\s+&\s+/);
    if (parts.length > 1) {
      const all = parts.map((p) => this.byAnyName.get(p.trim()));
      if (all.every((s) => s !== undefined)) return all.map((s) => s.name);
    }
    const first = this.hits(bare)[0];
    if (first && first.index === 0 && first.length >= bare.length / 2) return [first.service.name];
    return [];
  }
}

function wordAlternation(names: string[]): RegExp {
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}
