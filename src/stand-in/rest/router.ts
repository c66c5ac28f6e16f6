import type { DiscordError } from '../errors';
import type { UploadedFile } from './body';

export interface RouteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
  auth: string | null;
  /** performance.now() when the request arrived. */
  receivedAt: number;
}

export type RouteResult = { status: number; json?: unknown } | DiscordError;

export type RouteHandler = (req: RouteRequest) => RouteResult | Promise<RouteResult>;

export interface Route {
  method: string;
  pattern: string;
  /** Interaction and webhook routes are called without the bot token. */
  auth: boolean;
  handler: RouteHandler;
}

/** Matches `/channels/:channelId/messages` style patterns against a decoded path. */
export function matchRoute(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | { methodNotAllowed: true } | undefined {
  const parts = path.split('/').filter(Boolean);
  let pathMatched = false;
  for (const route of routes) {
    const patternParts = route.pattern.split('/').filter(Boolean);
    if (patternParts.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = patternParts.every((p, i) => {
      const actual = parts[i] ?? '';
      if (p.startsWith(':')) {
        params[p.slice(1)] = actual;
        return true;
      }
      return p === actual;
    });
    if (!ok) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  return pathMatched ? { methodNotAllowed: true } : undefined;
}

export const noContent = (): RouteResult => ({ status: 204 });
export const ok = (json: unknown): RouteResult => ({ status: 200, json });
