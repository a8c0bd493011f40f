import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { Problem } from '../data-access/internal-call';
import type { SignUpInput } from '../data-access/registry.client';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { requestCtx } from '@fleet/tenancy';
import { field, fieldErrors, formBody, seeOther } from './forms';
import { sendHtml } from './render';
import { loadSession } from './session';
import { sameToken } from '../domain/sealed-value';
import { hostOf, originOf } from './shop';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'INR', 'JPY', 'CAD', 'AUD'];
const COUNTRIES = ['US', 'DE', 'GB', 'IN', 'JP', 'CA', 'AU', 'FR', 'NL', 'ES'];
const APEX = 'apex';

/**
 * The apex host: the merchant sign-up page (posting to the registry's sign-up with an
 * Idempotency-Key; on success the merchant lands on their new storefront) and a friendly 404 for
 * any other path. Also the "no store here" page for hosts that name no store.
 */
export function platformRoutes(deps: StorefrontDeps): Router {
  const router = Router();

  router.get('/', (req, res) => sendSignUp(deps, req, res, {}, {}));

  router.post('/signup', formBody, async (req, res) => {
    const session = loadSession(req, res, deps.sealer, APEX, { mint: true });
    const input: SignUpInput = {
      storeName: field(req, 'storeName', 120).trim(),
      slug: field(req, 'slug', 64).trim().toLowerCase(),
      email: field(req, 'email', 254).trim(),
      password: field(req, 'password', 128),
      currency: field(req, 'currency', 3),
      country: field(req, 'country', 2),
    };
    const form = { ...input, password: '' };
    if (!sameToken(field(req, '_csrf', 200), session.csrfToken))
      return sendSignUp(deps, req, res, form, {}, 'The form expired. Please submit it again.', 403);
    const key = /^[0-9a-f-]{36}$/.test(field(req, 'idempotencyKey', 36))
      ? field(req, 'idempotencyKey', 36)
      : randomUUID();
    const answer = await deps.registry.signUp(requestCtx(res), input, key);
    if (answer.status === 200 || answer.status === 201) {
      res.setHeader('cache-control', 'no-store');
      return seeOther(res, answer.body.storeUrl);
    }
    const problem = answer.body as unknown as Problem;
    const errors = fieldErrors(problem);
    const message =
      answer.status === 409
        ? 'That store address is taken. Choose another.'
        : (problem.detail ?? 'Please check the form.');
    if (answer.status === 409 && !errors.slug) errors.slug = 'is taken';
    await sendSignUp(deps, req, res, form, errors, message, answer.status);
  });

  router.use(async (req, res) => {
    const html = await deps.platformThemes.defaultEngine.render('404', {
      page_title: 'Page not found | Fleet',
      page_description: 'Fleet',
      robots: 'noindex',
    });
    sendHtml(req, res, 404, html, { private: false });
  });
  return router;
}

/** Any page on a host that names no store. */
export function unknownStoreRoutes(deps: StorefrontDeps): Router {
  const router = Router();
  router.use(async (req, res) => {
    const port = hostOf(req).split(':')[1];
    const html = await deps.platformThemes.defaultEngine.render('store-not-found', {
      page_title: 'No store here | Fleet',
      page_description: 'There is no store at this address.',
      robots: 'noindex',
      host: hostOf(req).split(':')[0],
      apex_url: `${originOf(req).split('://')[0]}://${deps.platformDomain}${port ? `:${port}` : ''}/`,
    });
    sendHtml(req, res, 404, html, { private: false });
  });
  return router;
}

async function sendSignUp(
  deps: StorefrontDeps,
  req: Request,
  res: Response,
  form: Partial<SignUpInput>,
  errors: Record<string, string>,
  error?: string,
  status = 200,
): Promise<void> {
  const session = loadSession(req, res, deps.sealer, APEX, { mint: true });
  const fields = [
    { id: 'storeName', label: 'Store name', type: 'text', autocomplete: 'organization' },
    {
      id: 'slug',
      label: 'Store address',
      type: 'text',
      autocomplete: 'off',
      hint: `3-40 lower-case letters, digits or dashes: your shop opens at <address>.${deps.platformDomain}`,
    },
    { id: 'email', label: 'Your email', type: 'email', autocomplete: 'email' },
    {
      id: 'password',
      label: 'Password (at least 8 characters)',
      type: 'password',
      autocomplete: 'new-password',
    },
    { id: 'currency', label: 'Currency', options: CURRENCIES },
    { id: 'country', label: 'Country', options: COUNTRIES },
  ].map((f) => ({
    ...f,
    value: form[f.id as keyof SignUpInput] ?? (f.id === 'currency' ? 'USD' : f.id === 'country' ? 'US' : ''),
    error: errors[f.id] ? `${f.label}: ${errors[f.id]}` : null,
  }));
  const html = await deps.platformThemes.defaultEngine.render('signup', {
    page_title: 'Open your store | Fleet',
    page_description: 'Open an online store in seconds: your own shop, on your own address.',
    canonical_url: `${originOf(req)}/`,
    csrf_token: session.csrfToken,
    idempotency_key: randomUUID(),
    fields,
    error,
  });
  sendHtml(req, res, status, html, { private: true, formAction: apexFormAction(deps.platformDomain) });
}

/** The sign-up form's answer redirects to the new store's host: CSP form-action must allow it. */
const apexFormAction = (platformDomain: string): string =>
  `'self' http://*.${platformDomain}:* https://*.${platformDomain}:* http://*.${platformDomain} https://*.${platformDomain}`;
