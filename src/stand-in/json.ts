export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The request body as an object ({} when absent or not an object). */
export const asObject = (v: unknown): Json => (isObject(v) ? v : {});
