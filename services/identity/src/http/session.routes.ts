import { Router, type Response } from 'express';
import { AppError } from '@fleet/errors';
import { parseBody } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import type { IdentityDeps } from '../domain/identity-deps';
import { login } from '../domain/login';
import { logout } from '../domain/logout';
import type { Realm } from '../domain/realms';
import { refreshSession } from '../domain/refresh-session';
import { loginBody } from './schemas';
import {
  assertSameOriginApp,
  clearedSessionCookie,
  isHttps,
  sessionCookie,
  sessionTokenOf,
} from './session-cookie';

/** Browser sessions of the two web apps: the merchant admin and the platform console. */
export const SESSION_PATH: Record<Exclude<Realm, 'customer'>, string> = {
  staff: '/api/admin/session',
  platform_admin: '/api/platform/session',
};

const noSession = () => new AppError('unauthenticated', 'No session: sign in.', { code: 'no_session' });

/**
 * Sign-in, refresh and sign-out for the web apps: the refresh token lives only in an HttpOnly,
 * SameSite=Strict, host-only cookie scoped to these paths; the body carries the short-lived
 * access token, which the app keeps in memory. Every call must pass the same-origin check.
 */
export function sessionRoutes(deps: IdentityDeps): Router {
  const router = Router();
  for (const [realm, path] of Object.entries(SESSION_PATH) as Array<[Realm, string]>) {
    const answer = (res: Response, refreshToken: string, accessToken: string, expiresIn: number) =>
      res
        .set('cache-control', 'no-store')
        .append('set-cookie', sessionCookie(path, refreshToken, isHttps(res.req.headers)))
        .json({ accessToken, expiresIn });

    router.post(path, async (req, res) => {
      assertSameOriginApp(req.headers);
      const body = parseBody(loginBody, req);
      const tokens = await login(requestCtx(res), deps, realm, body);
      answer(res, tokens.refreshToken, tokens.accessToken, tokens.expiresIn);
    });
    router.post(`${path}/refresh`, async (req, res) => {
      assertSameOriginApp(req.headers);
      const token = sessionTokenOf(req.headers);
      if (!token) throw noSession();
      const tokens = await refreshSession(requestCtx(res), deps, realm, token).catch((err: unknown) => {
        res.append('set-cookie', clearedSessionCookie(path, isHttps(req.headers)));
        throw err;
      });
      answer(res, tokens.refreshToken, tokens.accessToken, tokens.expiresIn);
    });
    router.delete(path, async (req, res) => {
      assertSameOriginApp(req.headers);
      const token = sessionTokenOf(req.headers);
      if (token) await logout(requestCtx(res), deps, realm, token);
      res
        .append('set-cookie', clearedSessionCookie(path, isHttps(req.headers)))
        .status(204)
        .end();
    });
  }
  return router;
}
