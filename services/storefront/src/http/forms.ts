import express, { type NextFunction, type Request, type Response } from 'express';
import { sameToken } from '../domain/sealed-value';
import type { Problem } from '../data-access/internal-call';
import type { Shop } from './shop';

/** Form posts: urlencoded, small. */
export const formBody = express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 50 });

export const field = (req: Request, name: string, max = 500): string => {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
};

export const wantsJson = (req: Request): boolean =>
  String(req.headers.accept ?? '').includes('application/json');

/**
 * CSRF: every form post carries `_csrf`, a MAC of the shopper's session id (the `sf_sid` cookie)
 * and the store; a post without the cookie or with another token is refused with 403 and changes
 * nothing. The cookies are SameSite=Lax as well, so a cross-site post arrives without them.
 */
export function requireCsrf(req: Request, res: Response, next: NextFunction): void {
  const shop = res.locals.shop as Shop | undefined;
  const token = field(req, '_csrf', 200);
  if (shop && sameToken(token, shop.session.csrfToken)) return next();
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
