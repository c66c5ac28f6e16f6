import { z } from 'zod';

/**
 * Typed, versioned custom_ids: `<version>:<prefix>:<field>:<field>…`, at most 100 characters (Discord's
 * limit). Everything a handler needs to act after a restart is in the id or in SQLite, never in memory.
 */
export const CUSTOM_ID_VERSION = '1';
export const CUSTOM_ID_MAX_LENGTH = 100;
const SEPARATOR = ':';

type FieldsShape = Record<string, z.ZodType<string | number>>;
type FieldsValue<S extends FieldsShape> = { [K in keyof S]: z.output<S[K]> };

export interface CustomIdDefinition<S extends FieldsShape = FieldsShape> {
  readonly prefix: string;
  readonly fieldNames: readonly (keyof S & string)[];
  encode(value: FieldsValue<S>): string;
  /** Parses the fields that follow the prefix; throws CustomIdError when they do not fit the schema. */
  parseFields(fields: readonly string[]): FieldsValue<S>;
}

export type CustomIdValue<D> = D extends CustomIdDefinition<infer S> ? FieldsValue<S> : never;

export class CustomIdError extends Error {
  override name = 'CustomIdError';
  constructor(
    readonly reason: 'malformed' | 'outdated' | 'unknown',
    message: string,
  ) {
    super(message);
  }
}

/** Field schemas for the common cases; ids travel as text, so numbers are coerced back. */
export const idField = {
  int: () => z.coerce.number().int().nonnegative(),
  snowflake: () => z.string().regex(/^\d{17,20}$/),
  /** Short token-like text (question ids, slugs): no separator, no spaces. */
  token: (max = 40) =>
    z
      .string()
      .min(1)
      .max(max)
      .regex(/^[A-Za-z0-9_.-]+$/),
};

export function defineCustomId<const S extends FieldsShape>(
  prefix: string,
  fields: S,
): CustomIdDefinition<S> {
  if (!/^[a-z][a-z0-9.]*$/.test(prefix)) throw new Error(`bad custom_id prefix "${prefix}"`);
  const fieldNames = Object.keys(fields) as (keyof S & string)[];
  const schema = z.object(fields);
  return {
    prefix,
    fieldNames,
    encode(value) {
      const parts = fieldNames.map((name) => String(value[name]));
      for (const part of parts) {
        if (part.includes(SEPARATOR)) throw new Error(`custom_id field contains "${SEPARATOR}": ${part}`);
      }
      const id = [CUSTOM_ID_VERSION, prefix, ...parts].join(SEPARATOR);
      if (id.length > CUSTOM_ID_MAX_LENGTH)
        throw new Error(`custom_id over ${CUSTOM_ID_MAX_LENGTH} chars: ${id}`);
      // Encoding must round-trip, so a value that would not parse back fails here, not on a click.
      schema.parse(Object.fromEntries(fieldNames.map((name, i) => [name, parts[i]])));
      return id;
    },
    parseFields(parts) {
      if (parts.length !== fieldNames.length) {
        throw new CustomIdError('malformed', `expected ${fieldNames.length} fields, got ${parts.length}`);
      }
      const result = schema.safeParse(Object.fromEntries(fieldNames.map((name, i) => [name, parts[i]])));
      if (!result.success) throw new CustomIdError('malformed', z.prettifyError(result.error));
      return result.data as FieldsValue<S>;
    },
  };
}

/** Splits a raw custom_id into version, prefix and fields, or throws CustomIdError. */
export function splitCustomId(raw: string): { prefix: string; fields: string[] } {
  if (raw.length === 0 || raw.length > CUSTOM_ID_MAX_LENGTH)
    throw new CustomIdError('malformed', 'bad length');
  const [version, prefix, ...fields] = raw.split(SEPARATOR);
  if (!version || !prefix) throw new CustomIdError('malformed', `not a versioned custom_id: ${raw}`);
  if (version !== CUSTOM_ID_VERSION) throw new CustomIdError('outdated', `custom_id version ${version}`);
  return { prefix, fields };
}
