import { Router } from 'express';
import { requestCtx } from '@fleet/tenancy';
import { getCustomerProfile, getPlatformAdminProfile, getStaffProfile } from '../domain/get-profile';
import type { IdentityDeps } from '../domain/identity-deps';

/** `me` for each audience; the gateway sets the actor from a verified bearer token. */
export function profileRoutes(deps: IdentityDeps): Router {
  const router = Router();
  router.get('/api/store/me', async (_req, res) => {
    res.json(await getCustomerProfile(requestCtx(res), deps));
  });
  router.get('/api/admin/me', async (_req, res) => {
    res.json(await getStaffProfile(requestCtx(res), deps));
  });
  router.get('/api/platform/me', async (_req, res) => {
    res.json(await getPlatformAdminProfile(requestCtx(res), deps));
  });
  return router;
}
