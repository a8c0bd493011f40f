import { Router, type Response } from 'express';
import { parseBody } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import type { IdentityDeps } from '../domain/identity-deps';
import { login } from '../domain/login';
import { logout } from '../domain/logout';
import type { Realm } from '../domain/realms';
import { refreshSession } from '../domain/refresh-session';
import { registerCustomer } from '../domain/register-customer';
import { loginBody, refreshBody, registerBody } from './schemas';

/** Each audience signs in on its own door: the gateway routes these paths by host. */
const AUTH_PREFIX: Record<Realm, string> = {
  customer: '/api/store/auth',
  staff: '/api/admin/auth',
  platform_admin: '/api/platform/auth',
};

/** Tokens must never sit in a cache (RFC 6749 §5.1). */
const noStore = (res: Response) => res.set('cache-control', 'no-store');

/** Sign-up, sign-in, refresh and sign-out for shoppers, merchant staff and platform admins. */
export function authRoutes(deps: IdentityDeps): Router {
  const router = Router();

  router.post('/api/store/auth/register', async (req, res) => {
    const body = parseBody(registerBody, req);
    noStore(res)
      .status(201)
      .json(await registerCustomer(requestCtx(res), deps, body));
  });

  for (const [realm, prefix] of Object.entries(AUTH_PREFIX) as Array<[Realm, string]>) {
    router.post(`${prefix}/login`, async (req, res) => {
      const body = parseBody(loginBody, req);
      noStore(res).json(await login(requestCtx(res), deps, realm, body));
    });
    router.post(`${prefix}/refresh`, async (req, res) => {
      const { refreshToken } = parseBody(refreshBody, req);
      noStore(res).json(await refreshSession(requestCtx(res), deps, realm, refreshToken));
    });
    router.post(`${prefix}/logout`, async (req, res) => {
      const { refreshToken } = parseBody(refreshBody, req);
      await logout(requestCtx(res), deps, realm, refreshToken);
      res.status(204).end();
    });
  }
  return router;
}
