import { existsSync } from 'node:fs';
import type { z } from 'zod';
import { EnvError, envSchema, parseWith, type Env } from '../env';

/**
 * For the entry points (start, register): reads `.env` when present — real environment variables win,
 * as Node's loader never overwrites them — and validates. A bad configuration prints which keys are
 * wrong (never their values) and exits with code 1.
 */
export function loadEnvOrExit(): Env;
export function loadEnvOrExit<T extends z.ZodType>(schema: T): z.infer<T>;
export function loadEnvOrExit(schema: z.ZodType = envSchema): unknown {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return parseWith(schema, process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
