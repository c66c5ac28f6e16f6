import type { Fact, FactBase } from '../facts';
import type { OverlapIndex } from '../overlaps';
import type { ServiceRegistry } from '../services';
import { normalize } from '../text';

/** Everything templates may look at: the facts, grouped, and the curated overlap data. */
export interface TemplateContext {
  base: FactBase;
  overlaps: OverlapIndex;
  services: ServiceRegistry;
  byFamily: Map<string, Fact[]>;
  /** Facts grouped by the entity they describe (normalized name). */
  byEntity: Map<string, Fact[]>;
  /** Normalized texts the notes say about each entity (normalized name). */
  entityTexts: Map<string, Set<string>>;
  /** Memo for relatedFacts. */
  related: Map<Fact, Fact[]>;
}

export function createTemplateContext(
  base: FactBase,
  overlaps: OverlapIndex,
  services: ServiceRegistry,
): TemplateContext {
  const byFamily = new Map<string, Fact[]>();
  const byEntity = new Map<string, Fact[]>();
  for (const fact of base.facts) {
    byFamily.set(fact.family, [...(byFamily.get(fact.family) ?? []), fact]);
    byEntity.set(normalize(fact.name), [...(byEntity.get(normalize(fact.name)) ?? []), fact]);
  }
  const entityTexts = new Map<string, Set<string>>();
  for (const [entity, facts] of byEntity)
    entityTexts.set(entity, new Set(facts.map((f) => normalize(f.text))));
  return { base, overlaps, services, byFamily, byEntity, entityTexts, related: new Map() };
}

/** True when the text is something the notes say about this entity (so it cannot be a wrong option). */
export function entitySays(context: TemplateContext, entity: string, text: string): boolean {
  return context.entityTexts.get(normalize(entity))?.has(normalize(text)) ?? false;
}

/** Two entities that cannot be told apart by the stem: same entity, curated overlap, or same text. */
export function conflicts(context: TemplateContext, a: string, b: string): boolean {
  return normalize(a) === normalize(b) || context.overlaps.overlap(a, b);
}

/** A display name: pipeline sections lose their "3. " prefix. */
export function displayName(name: string): string {
  return name.replace(/^\d+\.\s+/, '');
}
