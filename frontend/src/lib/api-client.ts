/** The one way the app talks to the backend: same-origin /api, session cookie, CSRF header, problem details. */

export type Severity = 'ERROR' | 'WARNING';

export interface FieldProblem {
  ruleId?: string;
  severity?: Severity;
  field?: string | null;
  message: string;
}

/** RFC 9457 problem detail as the backend sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
}

export interface Page<T> {
  content: T[];
  page: number;
  size: number;
  totalElements: number | null;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** A message a clerk can act on, whatever went wrong. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'Your session has ended. Please sign in again.';
    if (error.status === 404) return error.problem.detail || 'Not found, or not available to you.';
    return error.message;
  }
  if (error instanceof TypeError) return 'The server cannot be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function readCsrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

let unauthorizedListener: (() => void) | null = null;

/** The auth provider registers here so an expired session anywhere sends the user back to the login page. */
export function onUnauthorized(listener: (() => void) | null): void {
  unauthorizedListener = listener;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** Set for calls that handle 401 themselves (me, login). */
  allowUnauthorized?: boolean;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  }
  if (MUTATING.has(method)) {
    // The server sets the cookie on GET /api/me; fetch it first if this browser has none yet.
    let token = readCsrfToken();
    if (token === null) {
      await fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } }).catch(() => undefined);
      token = readCsrfToken();
    }
    if (token !== null) headers[CSRF_HEADER] = token;
  }

  const response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !options.allowUnauthorized) unauthorizedListener?.();
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return (await response.json()) as T;
  return (await response.text()) as unknown as T;
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return (await response.json()) as Problem;
    } catch {
      // fall through to a generic problem
    }
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}
