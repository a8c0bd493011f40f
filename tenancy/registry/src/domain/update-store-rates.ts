import type { TenantCtx } from '@fleet/context';
import { TENANT_EVENTS, type StoreRates } from '@fleet/contracts';
import { AppError } from '@fleet/errors';
import { updateRates } from '../data-access/store-rates.repository';
import { toSnapshot, updateTenant, verifiedDomains } from '../data-access/tenant.repository';
import type { RegistryDeps } from './registry-deps';
import { recordTenantEvent, type SettingsChangedData } from './tenant-events';

export type RatesChange = Partial<Omit<StoreRates, 'currency'>>;

/**
 * `PATCH /api/admin/settings/rates`: sets the rates and, in the same transaction, writes
 * `tenant.settings_changed`, on which checkout drops the rates it caches. Like every tenant event
 * it carries the snapshot at a new version (the tenant row is bumped, which also orders it against
 * a concurrent suspension), so gateways, which take every `tenant.*` event, apply it harmlessly.
 */
export async function updateStoreRates(
  ctx: TenantCtx,
  deps: RegistryDeps,
  change: RatesChange,
): Promise<StoreRates> {
  return deps.db.withTenant(ctx, async (tx) => {
    const rates = await updateRates(tx, change);
    const row = rates && (await updateTenant(tx, ctx.tenantId, {}));
    if (!rates || !row) {
      throw new AppError('not_found', 'This store has no settings.', { code: 'store_not_found' });
    }
    const tenant = toSnapshot(row, deps.platformDomain, await verifiedDomains(tx, ctx.tenantId));
    const data: SettingsChangedData = { tenant, rates };
    await recordTenantEvent(tx, ctx, TENANT_EVENTS.settingsChanged, data);
    return rates;
  });
}
