import { performance } from 'node:perf_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { notFound, unauthorized } from '../errors';
import { readBody } from './body';
import { matchRoute } from './router';
import type { RestRecord } from '../types';
import type { Route, RouteResult } from './router';

const PREFIX = '/api/v10';

function send(res: ServerResponse, result: RouteResult): void {
  const json = 'body' in result ? result.body : result.json;
  if (json === undefined || result.status === 204) {
    res.writeHead(result.status).end();
    return;
  }
  res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
}

/** The HTTP side: parse, route, answer, and record every request (unknown routes included). */
export function restHandler(
  routes: Route[],
  record: (r: RestRecord) => void,
  rejectedTokens: ReadonlySet<string> = new Set(),
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const receivedAt = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawPath = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : url.pathname;
    // @original arrives as %40original.
    const path = rawPath.split('/').map(decodeURIComponent).join('/');
    const method = req.method ?? 'GET';
    const auth = req.headers.authorization ?? null;
    const query = Object.fromEntries(url.searchParams);

    let body: unknown;
    let result: RouteResult;
    let parsed: Awaited<ReturnType<typeof readBody>>;
    try {
      parsed = await readBody(req);
      body = parsed.json;
    } catch (error) {
      send(res, { status: 400, body: { code: 50109, message: 'The request body contains invalid JSON.' } });
      record({ method, path, query, body: String(error), status: 400, at: performance.now(), auth });
      return;
    }
    try {
      const match = url.pathname.startsWith(PREFIX) ? matchRoute(routes, method, path) : undefined;
      if (!match) result = notFound();
      else if ('methodNotAllowed' in match)
        result = { status: 405, body: { code: 0, message: '405: Method Not Allowed' } };
      else if (match.route.auth && (!auth || rejectedTokens.has(auth.replace(/^Bot /, ''))))
        result = unauthorized();
      else {
        result = await match.route.handler({
          method,
          path,
          params: match.params,
          query: url.searchParams,
          body,
          files: parsed.files,
          auth,
          receivedAt,
        });
      }
    } catch (error) {
      // A bug in the stand-in itself: say so loudly rather than pretend Discord refused.
      console.error('Discord stand-in: route failed', method, path, error);
      result = { status: 500, body: { code: 0, message: `Stand-in failure: ${String(error)}` } };
    }
    send(res, result);
    record({
      method,
      path,
      query,
      body,
      status: result.status,
      at: performance.now(),
      auth,
      ...(parsed.files.length ? { files: parsed.files } : {}),
    });
  };
}
