import { createHash } from 'node:crypto';

/**
 * A deterministic shuffle: the same seed always gives the same order, so each server gets its own
 * rotation and tests can predict it. Fisher–Yates driven by a small PRNG seeded from SHA-256.
 */
export function seededOrder<T>(items: readonly T[], seed: string): T[] {
  const random = mulberry32(createHash('sha256').update(seed).digest().readUInt32LE(0));
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
