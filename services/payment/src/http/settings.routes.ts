import { Router } from 'express';
import { parseBody } from '@fleet/http';
import { AppError } from '@fleet/errors';
import { guard, staffCtx } from '@fleet/tenancy';
import type { TenantCtx } from '@fleet/context';
import type { PaymentDeps } from '../domain/payment-deps';
import { getPaymentSettings, updatePaymentSettings } from '../domain/payment-settings';
import { paymentSettingsBody, toProviderCredentials } from './settings.schemas';

const SETTINGS_PATH = '/api/admin/settings/payments';
/** Payment keys move money: the store's owner and admins may change them, other staff may look. */
const MAY_CHANGE = ['owner', 'admin'];

export function settingsRoutes(deps: PaymentDeps): Router {
  const router = Router();
  router.use(SETTINGS_PATH, guard(staffCtx));
  router.get(SETTINGS_PATH, async (_req, res) => {
    res.json(await getPaymentSettings(staffCtx(res), deps));
  });
  router.put(SETTINGS_PATH, async (req, res) => {
    const ctx = staffCtx(res);
    assertMayChange(ctx);
    const input = parseBody(paymentSettingsBody, req);
    res.json(await updatePaymentSettings(ctx, deps, input.provider, toProviderCredentials(input)));
  });
  return router;
}

function assertMayChange(ctx: TenantCtx): void {
  if (!ctx.actor?.roles?.some((r) => MAY_CHANGE.includes(r))) {
    throw new AppError('forbidden', 'Only the store owner or an admin may change payment settings.', {
      code: 'insufficient_role',
    });
  }
}
