import type { Overlap } from './data';
import { normalize } from './text';

/**
 * Names whose descriptions overlap (e.g. Comprehend and Macie both find PII). One of them is never
 * offered as a wrong option when the other is the answer, and service cards list them as "confused with".
 */
export class OverlapIndex {
  private readonly partners = new Map<string, Set<string>>();
  private readonly reasons = new Map<string, string>();

  constructor(readonly groups: readonly Overlap[]) {
    for (const group of groups) {
      for (const a of group.members) {
        for (const b of group.members) {
          if (a === b) continue;
          const set = this.partners.get(normalize(a)) ?? new Set<string>();
          set.add(b);
          this.partners.set(normalize(a), set);
          this.reasons.set(`${normalize(a)}|${normalize(b)}`, group.reason);
        }
      }
    }
  }

  overlap(a: string, b: string): boolean {
    if (normalize(a) === normalize(b)) return true;
    return (
      this.reasons.has(`${normalize(a)}|${normalize(b)}`) ||
      this.umbrella.has(`${normalize(a)}|${normalize(b)}`)
    );
  }

  /**
   * A service and its own features ("Amazon SageMaker" and "Amazon SageMaker Clarify"): what the feature
   * does, the umbrella service also does. They overlap for questions, but a card does not list every
   * feature as "confused with".
   */
  addUmbrella(parent: string, child: string): void {
    this.umbrella.add(`${normalize(parent)}|${normalize(child)}`);
    this.umbrella.add(`${normalize(child)}|${normalize(parent)}`);
  }

  private readonly umbrella = new Set<string>();

  partnersOf(name: string): string[] {
    return [...(this.partners.get(normalize(name)) ?? [])].sort();
  }

  reason(a: string, b: string): string | undefined {
    return this.reasons.get(`${normalize(a)}|${normalize(b)}`);
  }
}
