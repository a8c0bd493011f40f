import type { Request, Response } from 'express';

/** The cookies of a request (no dependency: a small RFC 6265 parser). */
export function readCookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  const header = req.headers.cookie;
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name.startsWith('sf_')) continue;
    try {
      out[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // a malformed cookie is no cookie
    }
  }
  return out;
}

/**
 * Host-only (no Domain), HttpOnly, SameSite=Lax, Secure when the shopper came over https: each
 * store's cookies stay on its own host and no script can read them.
 */
export function setCookie(
  req: Request,
  res: Response,
  name: string,
  value: string,
  maxAgeSeconds?: number,
): void {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
  if (isHttps(req)) parts.push('Secure');
  res.append('Set-Cookie', parts.join('; '));
}

export function clearCookie(req: Request, res: Response, name: string): void {
  setCookie(req, res, name, '', 0);
}

/** The gateway sets x-forwarded-proto from what it saw (inbound values are dropped there). */
export function isHttps(req: Request): boolean {
  return req.headers['x-forwarded-proto'] === 'https';
}
