import { vi } from 'vitest';

/** One canned answer. A body object is sent as JSON (problem+json for status >= 400). */
export interface Reply {
  status?: number;
  body?: unknown;
  /** Resolves only when the promise does: for looking at loading states. */
  wait?: Promise<unknown>;
}

export interface Route {
  method?: string;
  /** Exact path with query (`/api/tasks?view=mine&page=0&size=50`), or a path without query to match any query. */
  path: string | RegExp;
  /** Replies used in order; the last one repeats. */
  replies: Reply[];
}

export interface RecordedCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

export interface MockApi {
  calls: RecordedCall[];
  callsTo: (method: string, path: string) => RecordedCall[];
}

export const reply = (body: unknown, status = 200): Reply => ({ status, body });

export const problem = (status: number, detail: string, errors?: unknown[]): Reply => ({
  status,
  body: { type: 'about:blank', title: detail, status, detail, ...(errors ? { errors } : {}) },
});

export const page = <T,>(content: T[], pageNumber = 0, size = 50, totalElements: number | null = content.length) => ({
  content,
  page: pageNumber,
  size,
  totalElements,
});

function matches(route: Route, method: string, url: string): boolean {
  if ((route.method ?? 'GET') !== method) return false;
  if (route.path instanceof RegExp) return route.path.test(url);
  return route.path.includes('?') ? route.path === url : route.path === url.split('?')[0];
}

/**
 * Replaces global fetch with a table of routes. Unknown requests get a 404 problem, and are recorded
 * like the others, so tests can assert what was (and was not) called.
 */
export function mockApi(routes: Route[]): MockApi {
  const calls: RecordedCall[] = [];
  const used = new Map<Route, number>();

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? init.body : null;
    let json: unknown = undefined;
    if (body !== null) {
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
    }
    calls.push({ method, url, headers, body, json });

    const route = routes.find((r) => matches(r, method, url));
    if (!route) return toResponse(problem(404, `No mock for ${method} ${url}`));
    const index = used.get(route) ?? 0;
    used.set(route, index + 1);
    const answer = route.replies[Math.min(index, route.replies.length - 1)];
    if (answer.wait) await answer.wait;
    return toResponse(answer);
  });
  vi.stubGlobal('fetch', fetchMock);

  return {
    calls,
    callsTo: (method, path) => calls.filter((c) => c.method === method && c.url.split('?')[0] === path),
  };
}

function toResponse(answer: Reply): Response {
  const status = answer.status ?? 200;
  if (status === 204 || answer.body === undefined) return new Response(null, { status });
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(answer.body), { status, headers: { 'Content-Type': type } });
}
