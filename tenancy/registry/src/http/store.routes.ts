import { Router } from 'express';
import { requestCtx } from '@fleet/tenancy';
import { getStoreInfo } from '../domain/get-store-info';
import { getStoreProfile } from '../domain/get-store-profile';
import type { RegistryDeps } from '../domain/registry-deps';
import { assertServiceCaller, assertTenantRequest } from './guards';

/** Store endpoints: public ones the gateway forwards with the resolved tenant, and the store profile. */
export function storeRoutes(deps: RegistryDeps): Router {
  const router = Router();
  router.get('/api/store/info', async (_req, res) => {
    const ctx = requestCtx(res);
    assertTenantRequest(ctx);
    res.json(await getStoreInfo(ctx, deps));
  });
  // Branding and URL of mail sent on the store's behalf (notification).
  router.get('/internal/store-profile', async (_req, res) => {
    const ctx = requestCtx(res);
    assertServiceCaller(ctx);
    assertTenantRequest(ctx);
    res.json(await getStoreProfile(ctx, deps));
  });
  return router;
}
