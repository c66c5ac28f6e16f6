import type { Logger } from '../shared/logger';
import { StartupError } from './startup-error';

export interface ConnectOptions {
  /** The REST base, e.g. https://discord.com/api (DISCORD_API_URL). */
  apiUrl: string;
  token: string;
  logger: Logger;
  /** How long one attempt may take. */
  attemptTimeoutMs: number;
  /** How long to keep retrying an unreachable Discord before giving up. */
  giveUpAfterMs: number;
  /** Logs in; called once Discord answered. Its failures are classified like the probe's. */
  login: () => Promise<void>;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Ends the retry loop early (a stop signal during start-up). */
  signal?: AbortSignal;
}

/** Back-off between attempts: 1, 2, 4, 8, 16, then every 30 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** (attempt - 1));
}

type Outcome = { ok: true } | { ok: false; retry: boolean; reason: string; error: unknown };

/**
 * Reaches Discord and logs in. A network that is down or hangs is retried with back-off — each wait
 * logged — until `giveUpAfterMs`; a refused token or disallowed intents fail at once, in words.
 * discord.js would otherwise wait ~60 s and throw "This operation was aborted".
 */
export async function connectWithRetry(options: ConnectOptions): Promise<void> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const startedAt = now();
  const host = new URL(options.apiUrl).host;
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await attemptOnce(options);
    if (outcome.ok) return;
    if (!outcome.retry) throw fatal(outcome);
    const delay = retryDelayMs(attempt);
    if (options.signal?.aborted) throw fatal(outcome);
    if (now() - startedAt + delay > options.giveUpAfterMs)
      throw new StartupError(
        `Discord is unreachable at ${host} (${outcome.reason}); gave up after ${formatDuration(now() - startedAt)} ` +
          `and ${attempt} attempts. Check the machine's network and DNS (and DISCORD_API_URL if set); ` +
          'STARTUP_RETRY_MINUTES sets how long to keep trying.',
        'unreachable',
        { cause: outcome.error },
      );
    options.logger.warn(
      { attempt, retryInSeconds: delay / 1000, reason: outcome.reason },
      `Discord is unreachable at ${host} (${outcome.reason}); retrying in ${delay / 1000} s (attempt ${attempt})`,
    );
    await sleep(delay, options.signal);
    if (options.signal?.aborted) throw fatal(outcome);
  }
}

async function attemptOnce(options: ConnectOptions): Promise<Outcome> {
  const probe = await probeGateway(options);
  if (!probe.ok) return probe;
  try {
    await options.login();
    return { ok: true };
  } catch (error) {
    return classifyLoginError(error);
  }
}

/** GET /gateway/bot: the cheapest authenticated call, and the one discord.js makes first. */
async function probeGateway(options: ConnectOptions): Promise<Outcome> {
  const url = `${options.apiUrl.replace(/\/$/, '')}/v10/gateway/bot`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bot ${options.token}` },
      signal: AbortSignal.timeout(options.attemptTimeoutMs),
    });
  } catch (error) {
    return { ok: false, retry: true, reason: networkReason(error, options.attemptTimeoutMs), error };
  }
  await response.body?.cancel();
  if (response.ok) return { ok: true };
  if (response.status === 401)
    return { ok: false, retry: false, reason: 'token refused', error: new Error('401 Unauthorized') };
  // 429 (rate limit, Cloudflare) and 5xx are Discord's trouble, not ours: wait and try again.
  return {
    ok: false,
    retry: response.status === 429 || response.status >= 500,
    reason: `HTTP ${response.status}`,
    error: new Error(`GET /gateway/bot answered ${response.status}`),
  };
}

function classifyLoginError(error: unknown): Outcome {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'TokenInvalid' || /invalid token|authentication failed|4004/i.test(message))
    return { ok: false, retry: false, reason: 'token refused', error };
  if (code === 'DisallowedIntents' || /disallowed intent|4014/i.test(message))
    return { ok: false, retry: false, reason: 'intents refused', error };
  return { ok: false, retry: true, reason: networkReason(error), error };
}

function fatal(outcome: Extract<Outcome, { ok: false }>): StartupError {
  if (outcome.reason === 'token refused')
    return new StartupError(
      'Discord refused DISCORD_TOKEN (401 Unauthorized): the token is wrong, was reset, or belongs to ' +
        'another application. Copy a fresh one from the developer portal → your application → Bot → ' +
        'Reset Token into DISCORD_TOKEN.',
      'token',
      { cause: outcome.error },
    );
  if (outcome.reason === 'intents refused')
    return new StartupError(
      'Discord refused the gateway intents the bot asked for (close code 4014). Exam Drill needs no ' +
        'privileged intent; if this build asks for one, switch it on in the developer portal → Bot → ' +
        'Privileged Gateway Intents.',
      'intents',
      { cause: outcome.error },
    );
  return new StartupError(`Could not log in to Discord (${outcome.reason}).`, 'unreachable', {
    cause: outcome.error,
  });
}

function networkReason(error: unknown, timeoutMs?: number): string {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return timeoutMs ? `no answer within ${timeoutMs / 1000} s` : 'no answer in time';
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  const words: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host name not found (DNS)',
    EAI_AGAIN: 'DNS lookup failed',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'connection timed out',
    ENETUNREACH: 'network unreachable',
    EHOSTUNREACH: 'host unreachable',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  };
  if (code && words[code]) return words[code];
  return error instanceof Error ? error.message : String(error);
}

function formatDuration(ms: number): string {
  return ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 6000) / 10} min`;
}

/** Waits, or less when the signal fires (a stop during start-up must not wait out a 30 s back-off). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
