import type { Response } from 'express';

/** Origins a page may add to the policy (a payment provider's script, frames and API). */
export interface CspAdditions {
  script?: readonly string[];
  frame?: readonly string[];
  connect?: readonly string[];
}

const list = (base: string, extra: readonly string[] | undefined) =>
  extra?.length ? `${base} ${extra.join(' ')}` : base;

/**
 * Pages run only our own script; styles may be inline (the theme's colour variables); images from
 * the store itself or https (a merchant's logo); forms post only to this host. The one page that
 * takes a card payment adds its provider's origins (`additions`), and no other page does.
 */
export function setPageSecurityHeaders(
  res: Response,
  formAction = "'self'",
  additions: CspAdditions = {},
): void {
  const directives = [
    "default-src 'self'",
    list("script-src 'self'", additions.script),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    list("connect-src 'self'", additions.connect),
    ...(additions.frame?.length ? [list('frame-src', additions.frame)] : []),
    `form-action ${formAction}`,
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "object-src 'none'",
  ];
  res.setHeader('content-security-policy', directives.join('; '));
  res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
}
