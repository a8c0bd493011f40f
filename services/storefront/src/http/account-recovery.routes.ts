import { Router, type Request, type Response } from 'express';
import type { Answer, Problem } from '../data-access/internal-call';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { field, fieldErrors, formBody, requireCsrf } from './forms';
import { sendStorePage } from './render';
import { shopOf } from './shop';

type Page = 'forgot-password' | 'reset-password' | 'verify-email';

const TITLES: Record<Page, string> = {
  'forgot-password': 'Reset your password',
  'reset-password': 'Choose a new password',
  'verify-email': 'Confirm your email address',
};

const INVALID_LINK = 'This link is not valid any more: it was used, replaced or has expired.';
/** Tokens as identity issues them; anything else is not sent on. */
const TOKEN = /^(pwr|vfy)_[A-Za-z0-9_-]{43}$/;
const tokenOf = (raw: unknown): string => (typeof raw === 'string' && TOKEN.test(raw) ? raw : '');

/**
 * Forgotten passwords and e-mail verification, as forms that work with JavaScript off. The e-mailed
 * links open a page with a form (a GET changes nothing: mail scanners follow links); its POST
 * uses the token once. Asking for a reset always says the same thing, account or not.
 */
export function accountRecoveryRoutes(deps: StorefrontDeps): Router {
  const router = Router();

  router.get('/account/forgot-password', (req, res) => send(deps, req, res, 'forgot-password', {}));
  router.post('/account/forgot-password', formBody, requireCsrf, async (req, res) => {
    const shop = shopOf(res);
    const email = field(req, 'email', 320).trim();
    const answer = await deps.identity.requestPasswordReset(shop.call, email);
    if (answer.status === 400) {
      return send(deps, req, res, 'forgot-password', { form: { email }, errors: errorsOf(answer) }, 422);
    }
    await send(deps, req, res, 'forgot-password', {
      sent: true,
      notice: `If an account uses ${email}, we have sent it a link to choose a new password. It works for one hour.`,
    });
  });

  router.get('/account/reset-password', (req, res) => {
    const token = tokenOf(req.query.token);
    return send(deps, req, res, 'reset-password', token ? { token } : { error: INVALID_LINK });
  });
  router.post('/account/reset-password', formBody, requireCsrf, async (req, res) => {
    const shop = shopOf(res);
    const token = tokenOf(field(req, 'token', 100));
    const password = field(req, 'password', 200);
    const answer = token ? await deps.identity.resetPassword(shop.call, { token, password }) : undefined;
    if (answer?.status === 204) {
      shop.session.setCustomer(undefined);
      return send(deps, req, res, 'reset-password', {
        notice: 'Your password was changed. You can log in with it now.',
      });
    }
    if (answer?.status === 400 && errorsOf(answer).password) {
      return send(deps, req, res, 'reset-password', { token, errors: errorsOf(answer) }, 422);
    }
    await send(deps, req, res, 'reset-password', { error: INVALID_LINK }, 410);
  });

  router.get('/account/verify-email', (req, res) => {
    const token = tokenOf(req.query.token);
    return send(deps, req, res, 'verify-email', token ? { token } : { error: INVALID_LINK });
  });
  router.post('/account/verify-email', formBody, requireCsrf, async (req, res) => {
    const shop = shopOf(res);
    const token = tokenOf(field(req, 'token', 100));
    const answer = token ? await deps.identity.verifyEmail(shop.call, token) : undefined;
    if (answer?.status === 204) {
      return send(deps, req, res, 'verify-email', { notice: 'Thank you: your email address is confirmed.' });
    }
    await send(deps, req, res, 'verify-email', { error: INVALID_LINK }, 410);
  });

  return router;
}

const errorsOf = (answer: Answer): Record<string, string> => fieldErrors(answer.body as Problem);

function send(
  deps: StorefrontDeps,
  req: Request,
  res: Response,
  page: Page,
  data: Record<string, unknown>,
  status = 200,
): Promise<void> {
  const shop = shopOf(res);
  return sendStorePage(deps, req, res, {
    template: `customers/${page}`,
    status,
    data: { form: {}, errors: {}, ...data },
    meta: { title: `${TITLES[page]} | ${shop.info.name}`, robots: 'noindex' },
  });
}
