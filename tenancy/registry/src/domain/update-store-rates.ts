import type { TenantCtx } from '@fleet/context';
import type { StoreRates } from '@fleet/contracts';
import { AppError } from '@fleet/errors';
import { updateRates } from '../data-access/store-rates.repository';
import type { RegistryDeps } from './registry-deps';
import { recordSettingsChanged } from './settings-changed';

export type RatesChange = Partial<Omit<StoreRates, 'currency'>>;

/**
 * `PATCH /api/admin/settings/rates`: sets the rates and, in the same transaction, writes
 * `tenant.settings_changed`, on which checkout drops the rates it caches (settings-changed.ts).
 */
export async function updateStoreRates(
  ctx: TenantCtx,
  deps: RegistryDeps,
  change: RatesChange,
): Promise<StoreRates> {
  return deps.db.withTenant(ctx, async (tx) => {
    const rates = await updateRates(tx, change);
    if (!rates) throw new AppError('not_found', 'This store has no settings.', { code: 'store_not_found' });
    return (await recordSettingsChanged(tx, ctx, deps, ctx.tenantId)).rates;
  });
}
