import { createHash } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A short stable id: the same parts always give the same id. */
export function shortId(...parts: string[]): string {
  return sha256(parts.join('\u0000')).slice(0, 10);
}
