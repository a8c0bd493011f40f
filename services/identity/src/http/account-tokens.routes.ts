import { Router } from 'express';
import { accountEmailBody, passwordResetConfirmBody, verifyEmailBody } from '@fleet/api-contract';
import { parseBody } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import {
  confirmEmailVerification,
  confirmPasswordReset,
  requestAccountToken,
} from '../domain/account-tokens';
import type { IdentityDeps } from '../domain/identity-deps';

const PREFIX = { customer: '/api/store/auth', staff: '/api/admin/auth' } as const;

/** Password reset and e-mail verification for shoppers and staff, each on its own door. */
export function accountTokenRoutes(deps: IdentityDeps): Router {
  const router = Router();
  for (const kind of ['customer', 'staff'] as const) {
    const prefix = PREFIX[kind];
    router.post(`${prefix}/password-reset`, async (req, res) => {
      const { email } = parseBody(accountEmailBody, req);
      await requestAccountToken(requestCtx(res), deps, kind, 'password_reset', email);
      res.status(202).end();
    });
    router.post(`${prefix}/password-reset/confirm`, async (req, res) => {
      const body = parseBody(passwordResetConfirmBody, req);
      await confirmPasswordReset(requestCtx(res), deps, kind, body);
      res.status(204).end();
    });
    router.post(`${prefix}/verify-email/request`, async (req, res) => {
      const { email } = parseBody(accountEmailBody, req);
      await requestAccountToken(requestCtx(res), deps, kind, 'email_verification', email);
      res.status(202).end();
    });
    router.post(`${prefix}/verify-email`, async (req, res) => {
      const { token } = parseBody(verifyEmailBody, req);
      await confirmEmailVerification(requestCtx(res), deps, kind, token);
      res.status(204).end();
    });
  }
  return router;
}
