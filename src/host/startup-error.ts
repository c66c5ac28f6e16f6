/**
 * A start-up failure a host can act on: `message` says in words what is wrong and how to fix it, and
 * is what the log's single fatal line carries (the cause's stack only at LOG_LEVEL=debug).
 */
export class StartupError extends Error {
  override name = 'StartupError';
  constructor(
    message: string,
    /** What kind of failure, for tests and log filters. */
    readonly kind: 'database' | 'locked' | 'token' | 'unreachable' | 'intents' | 'notes',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The error's message for a person, whatever it is. */
export function startupMessage(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  return `Start-up failed: ${error instanceof Error ? error.message : String(error)} (run with LOG_LEVEL=debug for details)`;
}
