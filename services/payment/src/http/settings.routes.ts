import { Router } from 'express';
import { parseBody } from '@fleet/http';
import { AppError } from '@fleet/errors';
import { guard, staffCtx } from '@fleet/tenancy';
import type { TenantCtx } from '@fleet/context';
import type { PaymentDeps } from '../domain/payment-deps';
import { getPaymentSettings, updatePaymentSettings } from '../domain/settings/payment-settings';
import { goLive, goTestMode } from '../domain/settings/store-mode';
import { emptyBody, paymentSettingsBody, toProviderCredentials } from './settings.schemas';

const SETTINGS_PATH = '/api/admin/settings/payments';
/** Payment keys move money: the store's owner and admins may change them, other staff may look. */
const MAY_CHANGE = ['owner', 'admin'];
/** Going live (real money) and back to test mode is the owner's decision alone. */
const MAY_CHANGE_MODE = ['owner'];

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
  router.post(`${SETTINGS_PATH}/go-live`, async (req, res) => {
    const ctx = staffCtx(res);
    assertMayChange(ctx, MAY_CHANGE_MODE);
    parseBody(emptyBody, req);
    res.json(await goLive(ctx, deps));
  });
  router.post(`${SETTINGS_PATH}/test-mode`, async (req, res) => {
    const ctx = staffCtx(res);
    assertMayChange(ctx, MAY_CHANGE_MODE);
    parseBody(emptyBody, req);
    res.json(await goTestMode(ctx, deps));
  });
  return router;
}

function assertMayChange(ctx: TenantCtx, roles: readonly string[] = MAY_CHANGE): void {
  if (!ctx.actor?.roles?.some((r) => roles.includes(r))) {
    const who = roles.length === 1 ? 'the store owner' : 'the store owner or an admin';
    throw new AppError('forbidden', `Only ${who} may change this payment setting.`, {
      code: 'insufficient_role',
    });
  }
}
