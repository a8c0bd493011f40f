import type { ServerResponse } from 'node:http';
import { AppError, PROBLEM_CONTENT_TYPE, toProblem } from '@fleet/errors';

/** Paths only machines ask for (probes, scrapers): not served publicly, refused as problem+json. */
const MACHINE_PATHS: ReadonlySet<string> = new Set(['/readyz', '/metrics']);

const isApi = (path: string) => path === '/api' || path.startsWith('/api/') || MACHINE_PATHS.has(path);

/** API callers (and probes or scrapers knocking on the public port) get problem+json; browsers get a small page. */
export function answerError(res: ServerResponse, path: string, error: AppError): void {
  const problem = toProblem(error, path);
  if (error.retryAfter !== undefined) res.setHeader('Retry-After', String(Math.ceil(error.retryAfter)));
  if (error.status === 401) res.setHeader('WWW-Authenticate', bearerChallenge(error.code));
  const [type, body] = isApi(path)
    ? [PROBLEM_CONTENT_TYPE, JSON.stringify(problem)]
    : ['text/html', page(problem.title, problem.detail)];
  res.statusCode = problem.status;
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** RFC 6750: a missing token gets a bare challenge, a bad one says `invalid_token`. */
function bearerChallenge(code: string): string {
  return code === 'token_invalid' ? 'Bearer realm="fleet", error="invalid_token"' : 'Bearer realm="fleet"';
}

function page(title: string, detail: string): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1><p>${escape(detail)}</p></body></html>`;
}

export const unknownHost = () =>
  new AppError('not_found', 'There is no store at this address.', { code: 'store_not_found' });

export const unknownRoute = () =>
  new AppError('not_found', 'Nothing is served at this path.', { code: 'route_not_found' });

export const suspendedStore = () =>
  new AppError('unavailable', 'This store is temporarily unavailable.', {
    code: 'store_suspended',
    retryAfter: 3600,
  });

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('rate_limited', 'Too many requests; retry after the time given in Retry-After.', {
    code: 'rate_limited',
    retryAfter: retryAfterSeconds,
  });

export const tokenInvalid = () =>
  new AppError('unauthenticated', 'The access token is invalid or expired.', { code: 'token_invalid' });

export const accessDenied = (code: 'token_required' | 'wrong_role' | 'wrong_tenant', detail: string) =>
  new AppError(code === 'token_required' ? 'unauthenticated' : 'forbidden', detail, { code });

export const originNotAllowed = () =>
  new AppError('forbidden', 'This origin may not call this store.', { code: 'origin_not_allowed' });
