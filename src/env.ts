import { z } from 'zod';
import { tokenShapeProblem } from './host/token';
import { isValidTimeZone } from './time/zones';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord snowflake (17–20 digits)');

/** Empty strings in .env mean "not set", so optional keys may be left blank in a copied .env.example. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const flag = z.preprocess(
  (value) => (value === '' ? undefined : typeof value === 'string' ? value.toLowerCase() : value),
  z
    .enum(['true', 'false'], 'must be true or false')
    .default('false')
    .transform((value) => value === 'true'),
);

const positiveNumber = (fallback: number) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().positive().default(fallback));

const SHARDS_RANGE = 'must be auto or a whole number of shards from 1 to 64';

export const envSchema = z.object({
  DISCORD_TOKEN: z
    .string('is required: the bot token from the Discord developer portal')
    .min(1, 'is required: the bot token from the Discord developer portal')
    .superRefine((token, ctx) => {
      const problem = tokenShapeProblem(token);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: optional(snowflake),
  DATABASE_PATH: z.string().min(1).default('./exam-drill.sqlite'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_TIMEZONE: z
    .string()
    .default('America/Sao_Paulo')
    .refine(isValidTimeZone, 'must be an IANA time zone name, e.g. America/Sao_Paulo'),
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/ })),
  /** Another notes file of the same kind; the shipped AIF-C01 notes when unset. */
  NOTES_PATH: optional(z.string().min(1)),
  /** Sync the slash commands at start-up when Discord's copy differs from the bot's (never when equal). */
  REGISTER_ON_START: flag,
  /** How long one attempt to reach Discord may take at start-up. */
  CONNECT_TIMEOUT_SECONDS: positiveNumber(10),
  /** How long start-up keeps retrying an unreachable Discord before giving up with exit code 1. */
  STARTUP_RETRY_MINUTES: positiveNumber(10),
  /** Length of a /mock exam; the real exam's 90 minutes unless shortened (tests). */
  MOCK_MINUTES: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().min(1).max(180).default(90),
  ),
  /**
   * Unset: one process. `auto` (Discord's recommended count) or N: a ShardingManager with N shard
   * processes on this machine, all on one SQLite file (past 64 it is time for a database server).
   */
  SHARDS: optional(
    z.union(
      [
        z.literal('auto'),
        z
          .string()
          .regex(/^\d+$/)
          .transform(Number)
          .pipe(z.number().int().min(1, SHARDS_RANGE).max(64, SHARDS_RANGE)),
      ],
      SHARDS_RANGE,
    ),
  ),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

/**
 * Validates the environment. The message names every bad or missing key but never echoes a value,
 * so a mistyped token cannot end up in a log.
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(envSchema, source);
}

/** What the backup command needs: the database alone, no Discord keys. */
export const databaseEnvSchema = envSchema.pick({ DATABASE_PATH: true });

export function parseWith<T extends z.ZodType>(
  schema: T,
  source: Record<string, string | undefined>,
): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ ...issue, input: undefined }));
  const pretty = z.prettifyError(new z.ZodError(issues));
  throw new EnvError(
    `Invalid configuration:\n${pretty}\nSee "Configuration" in README.md (copy .env.example to .env).`,
  );
}
