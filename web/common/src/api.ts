/** RFC 9457 problem+json, as every Fleet API answers errors. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: Array<{ path: string; message: string }>;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is with this content type (e.g. a CSV file), instead of JSON. */
  raw?: { body: BodyInit; contentType: string };
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** `blob`: the body as bytes (a binary download: an export archive), whatever its type. */
  as?: 'blob';
}

export interface Api {
  /** The public API, with the session's access token; a 401 refreshes the session once. */
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  /** Restores the session from its cookie (after a reload); false when there is none. */
  restore(): Promise<boolean>;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  signedIn(): boolean;
  /** Called when the session ends (sign-out, or a refresh that failed). */
  onSignedOut(listener: () => void): () => void;
}

/** Session calls carry it; a cross-site page cannot send it without a refused CORS preflight. */
const CSRF = { 'x-csrf': '1' };

async function problemOf(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return { status: res.status, ...((await res.json()) as Partial<Problem>) };
    } catch {
      // fall through: an unreadable body
    }
  }
  return { status: res.status, title: res.statusText || 'Request failed' };
}

/**
 * The one client of a web app. The access token lives in this closure only (never in storage);
 * the refresh token is an HttpOnly cookie that only `sessionPath` receives. Refreshes are
 * serialised across tabs with a Web Lock, so two tabs never present the same rotated token.
 */
export function createApi(sessionPath: string): Api {
  let token: string | undefined;
  let pending: Promise<boolean> | undefined;
  const listeners = new Set<() => void>();
  const signedOut = () => {
    token = undefined;
    listeners.forEach((l) => l());
  };

  const sessionCall = (method: string, path: string, body?: unknown) =>
    fetch(`${sessionPath}${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? CSRF : { ...CSRF, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function refreshOnce(): Promise<boolean> {
    const res = await sessionCall('POST', '/refresh');
    if (!res.ok) return false;
    token = ((await res.json()) as { accessToken: string }).accessToken;
    return true;
  }

  function restore(): Promise<boolean> {
    pending ??= (async () => {
      try {
        const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
        return locks ? await locks.request(`fleet-session:${sessionPath}`, refreshOnce) : await refreshOnce();
      } catch {
        return false;
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  }

  async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const url = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(options.query ?? {})) {
      if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    }
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (options.raw) {
      headers['content-type'] = options.raw.contentType;
      body = options.raw.body;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    return fetch(url, { method, headers, body, credentials: 'omit' });
  }

  return {
    async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
      if (!token) await restore();
      let res = await send(method, path, options);
      if (res.status === 401) {
        if (await restore()) res = await send(method, path, options);
        if (res.status === 401) signedOut();
      }
      if (!res.ok) throw new ApiError(await problemOf(res));
      if (res.status === 204) return undefined as T;
      if (options.as === 'blob') return (await res.blob()) as T;
      const type = res.headers.get('content-type') ?? '';
      return (type.includes('json') ? await res.json() : await res.text()) as T;
    },
    restore,
    async login(email, password) {
      const res = await sessionCall('POST', '', { email, password });
      if (!res.ok) throw new ApiError(await problemOf(res));
      token = ((await res.json()) as { accessToken: string }).accessToken;
    },
    async logout() {
      await sessionCall('DELETE', '').catch(() => undefined);
      signedOut();
    },
    signedIn: () => token !== undefined,
    onSignedOut(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Field errors by the path the API names (`variants.0.sku`), for showing next to the field. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const e of error.problem.errors ?? []) out[e.path] ??= e.message;
  }
  return out;
}
