import express, { type NextFunction, type Request, type Response } from 'express';
import { sameToken } from '../domain/sealed-value';
import type { Problem } from '../data-access/internal-call';
import { hostOf, type Shop } from './shop';

/** Form posts: urlencoded, small. */
export const formBody = express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 50 });

export const field = (req: Request, name: string, max = 500): string => {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
};

export const wantsJson = (req: Request): boolean =>
  String(req.headers.accept ?? '').includes('application/json');

/**
 * Where a browser says a request came from (Go 1.25's `CrossOriginProtection`): `Sec-Fetch-Site`
 * when sent (every current browser sends it); else `Origin` against the host the shopper used.
 * 'cross': from another origin, refused (another store on the platform is `same-site`, and is
 * refused too). 'same': the browser vouches for this origin. 'unknown': neither header, a client
 * that is not a browser or a very old one.
 */
export function requestSource(req: Request): 'same' | 'cross' | 'unknown' {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== '')
    return site === 'same-origin' || site === 'none' ? 'same' : 'cross';
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || origin === '') return 'unknown';
  try {
    return new URL(origin).host === hostOf(req) ? 'same' : 'cross';
  } catch {
    return 'cross';
  }
}

/**
 * CSRF, two layers (docs/security.md, "Storefront forms"): a post a browser marks as coming from
 * another origin is refused (403, nothing changes), whatever it carries. A post no browser header
 * vouches for must carry `_csrf`, the MAC of the shopper's session id (`sf_sid`) and the store,
 * when the shopper has a session; a visitor without one has no state a forged post could act on.
 * The cookies are SameSite=Lax as well, so a cross-site post arrives without them.
 */
export function requireCsrf(req: Request, res: Response, next: NextFunction): void {
  const shop = res.locals.shop as Shop | undefined;
  const source = requestSource(req);
  if (shop && source === 'same') return next();
  if (shop && source === 'unknown') {
    const token = field(req, '_csrf', 200);
    if (!shop.session.sid || sameToken(token, shop.session.csrfToken)) return next();
  }
  res.status(403);
  res.setHeader('cache-control', 'no-store');
  if (wantsJson(req)) {
    res.type('application/problem+json').send(
      JSON.stringify({
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        code: 'csrf_failed',
        detail: 'The form has expired. Reload the page and try again.',
      }),
    );
    return;
  }
  res
    .type('text/html')
    .send(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Form expired</title>' +
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main>' +
        '<h1>This form has expired</h1><p>Go back, reload the page and try again.</p><p><a href="/">Home</a></p>' +
        '</main></body></html>',
    );
}

/** 303 See Other: the browser follows with a GET (post/redirect/get). */
export const seeOther = (res: Response, location: string): void => {
  res.setHeader('cache-control', 'no-store');
  res.redirect(303, location);
};

/**
 * A problem's field errors by form field: the last segment of each `path`
 * (`shippingAddress.postalCode` -> `postalCode`); the first message per field.
 */
export function fieldErrors(problem: Problem | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    const name =
      String(e.path ?? '')
        .split(/[.[\]/]/)
        .filter(Boolean)
        .pop() ?? '';
    if (name && !out[name]) out[name] = e.message;
  }
  return out;
}
