import { Router } from 'express';
import { requestCtx } from '@fleet/tenancy';
import { getStoreInfo } from '../domain/get-store-info';
import type { RegistryDeps } from '../domain/registry-deps';
import { assertTenantRequest } from './guards';

/** Public store endpoints the gateway forwards with the resolved tenant in the signed context. */
export function storeRoutes(deps: RegistryDeps): Router {
  const router = Router();
  router.get('/api/store/info', async (_req, res) => {
    const ctx = requestCtx(res);
    assertTenantRequest(ctx);
    res.json(await getStoreInfo(ctx, deps));
  });
  return router;
}
