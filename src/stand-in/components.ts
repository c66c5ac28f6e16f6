import { isObject } from './json';
import type { Json } from './json';

/** Finds an interactive component by custom_id anywhere in a message (action rows or Components v2). */
export function findComponent(components: unknown[], customId: string): Json | undefined {
  for (const c of components) {
    if (!isObject(c)) continue;
    if (c.custom_id === customId) return c;
    const nested = [
      ...(Array.isArray(c.components) ? c.components : []),
      ...(isObject(c.accessory) ? [c.accessory] : []),
    ];
    const found = findComponent(nested, customId);
    if (found) return found;
  }
  return undefined;
}
