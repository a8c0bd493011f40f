import { Router } from 'express';
import { parseBody } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { storeSettingsBody as settingsBody } from '@fleet/api-contract';
import { getStoreInfo } from '../domain/get-store-info';
import type { RegistryDeps } from '../domain/registry-deps';
import { updateStoreSettings } from '../domain/update-store-settings';
import { assertStaff } from './guards';

/** `GET|PATCH /api/admin/settings/store`: the store's name and theme (merchant staff). */
export function settingsRoutes(deps: RegistryDeps): Router {
  const router = Router();
  router.get('/api/admin/settings/store', async (_req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    res.json(await getStoreInfo(ctx, deps));
  });
  router.patch('/api/admin/settings/store', async (req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    const updated = await updateStoreSettings(ctx, deps, parseBody(settingsBody, req));
    res.json({
      name: updated.name,
      currency: updated.currency,
      theme: updated.theme,
      payment: { provider: updated.paymentProvider },
      testMode: updated.testMode,
    });
  });
  return router;
}
