import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '@fleet/errors';
import { REFRESH_TOKEN_TTL_SECONDS } from '../domain/issue-tokens';

/** The refresh token's cookie: one name, scoped by path to its door's session endpoints. */
export const SESSION_COOKIE = 'fleet_rt';

/**
 * The header a browser app sends on every session call: a cross-site form or img cannot. Not
 * `x-fleet-…`: the gateway strips that prefix (it is reserved for its own signed headers).
 */
export const CSRF_HEADER = 'x-csrf';

/**
 * The Set-Cookie value for a session. HttpOnly (scripts never see it), SameSite=Strict, no
 * Domain attribute (host-only: a store's cookie never reaches another store's host), Path = the
 * door's session endpoints (no other route ever receives it), Secure when the client spoke HTTPS.
 */
export function sessionCookie(path: string, refreshToken: string, secure: boolean): string {
  return cookie(path, refreshToken, REFRESH_TOKEN_TTL_SECONDS, secure);
}

/** Clears the session cookie (same name, path and flags, expired). */
export function clearedSessionCookie(path: string, secure: boolean): string {
  return cookie(path, '', 0, secure);
}

function cookie(path: string, value: string, maxAge: number, secure: boolean): string {
  const parts = [
    `${SESSION_COOKIE}=${value}`,
    `Path=${path}`,
    `Max-Age=${maxAge}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** The refresh token from the request's cookies, if one is there. */
export function sessionTokenOf(headers: IncomingHttpHeaders): string | undefined {
  const raw = headers.cookie;
  if (!raw) return undefined;
  for (const pair of raw.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    if (pair.slice(0, at).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(at + 1).trim();
    return value.length > 0 && value.length <= 512 ? value : undefined;
  }
  return undefined;
}

/** The gateway tells the scheme the client used (it drops any inbound value and sets its own). */
export const isHttps = (headers: IncomingHttpHeaders): boolean => headers['x-forwarded-proto'] === 'https';

/**
 * Cookie-authenticated endpoints accept only same-origin calls from our own apps: the custom
 * header (which a cross-origin page can only send after a CORS preflight that the gateway refuses
 * to foreign origins) and, when the browser says where the call came from, the same origin.
 * `same-site` is refused too: every store on the platform domain is the same site.
 */
export function assertSameOriginApp(headers: IncomingHttpHeaders): void {
  if (headers[CSRF_HEADER] !== '1') {
    throw new AppError('forbidden', `Session calls need the header ${CSRF_HEADER}: 1.`, {
      code: 'csrf_header_required',
    });
  }
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new AppError('forbidden', 'Session calls are only accepted from the same origin.', {
      code: 'cross_site_request',
    });
  }
}
