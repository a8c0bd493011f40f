import { Router } from 'express';
import { parseBody } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { z } from 'zod';
import { getStoreInfo } from '../domain/get-store-info';
import type { RegistryDeps } from '../domain/registry-deps';
import { updateStoreSettings } from '../domain/update-store-settings';
import { assertStaff } from './guards';

const settingsBody = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    theme: z
      .strictObject({
        primaryColor: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1a2b3c')
          .optional(),
        logoUrl: z
          .url({ protocol: /^https?$/ })
          .max(2000)
          .optional(),
      })
      .optional(),
  })
  .refine((b) => b.name !== undefined || b.theme !== undefined, { message: 'name or theme is required' });

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
