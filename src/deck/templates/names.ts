import type { ServiceRegistry } from '../services';

/**
 * Every way a name can appear in a text: itself, without its parenthesis, the acronym in it, and for
 * services their aliases and the name without "Amazon"/"AWS". Used to hide the answer in stems.
 */
const cache = new Map<string, string[]>();

export function nameVariants(name: string, services: ServiceRegistry): string[] {
  let variants = cache.get(name);
  if (!variants) {
    variants = computeVariants(name, services);
    cache.set(name, variants);
  }
  return variants;
}

function computeVariants(name: string, services: ServiceRegistry): string[] {
  const out = new Set<string>([name]);
  const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(name);
  if (paren?.[1] && paren[2]) {
    out.add(paren[1]);
    out.add(paren[2]);
  }
  const service = services.get(name);
  if (service) {
    for (const alias of [...service.aliases, ...service.misnomers]) out.add(alias);
    out.add(name.replace(/^(Amazon|AWS)\s+/, ''));
  }
  for (const variant of [...out]) {
    // "Top P" is also written "Top-P"; "Context-Window" also "context window".
    out.add(variant.replace(/-/g, ' '));
    out.add(variant.replace(/ /g, '-'));
  }
  return [...out].filter((v) => v.length >= 2);
}
