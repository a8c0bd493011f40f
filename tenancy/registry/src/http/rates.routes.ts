import { Router } from 'express';
import { parseBody } from '@fleet/http';
import { AppError } from '@fleet/errors';
import { requestCtx } from '@fleet/tenancy';
import { ratesBody } from '@fleet/api-contract';
import { readRates } from '../data-access/store-rates.repository';
import type { RegistryDeps } from '../domain/registry-deps';
import { updateStoreRates } from '../domain/update-store-rates';
import { assertServiceCaller, assertStaff, assertTenantRequest } from './guards';

/**
 * Checkout reads the rates (internal) and caches them; merchants set them
 * (`/api/admin/settings/rates`), which writes `tenant.settings_changed` for those caches.
 */
export function ratesRoutes(deps: RegistryDeps): Router {
  const router = Router();
  const notFound = () =>
    new AppError('not_found', 'This store has no settings.', { code: 'store_not_found' });

  router.get('/internal/store-rates', async (_req, res) => {
    const ctx = requestCtx(res);
    assertServiceCaller(ctx);
    assertTenantRequest(ctx);
    const rates = await deps.db.readAsTenant(ctx, readRates);
    if (!rates) throw notFound();
    res.json(rates);
  });

  router.get('/api/admin/settings/rates', async (_req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    res.json((await deps.db.readAsTenant(ctx, readRates)) ?? {});
  });

  router.patch('/api/admin/settings/rates', async (req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    res.json(await updateStoreRates(ctx, deps, parseBody(ratesBody, req)));
  });
  return router;
}
