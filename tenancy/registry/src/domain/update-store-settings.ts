import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { updateSettings, type StoreSettings } from '../data-access/store-settings.repository';
import { renewStoreStamp } from '../data-access/store-stamp';
import type { RegistryDeps } from './registry-deps';

export async function updateStoreSettings(
  ctx: TenantCtx,
  deps: RegistryDeps,
  change: { name?: string; theme?: StoreSettings['theme'] },
): Promise<StoreSettings> {
  const updated = await deps.db.withTenant(ctx, (tx) => updateSettings(tx, change));
  if (!updated) throw new AppError('not_found', 'This store has no settings.', { code: 'store_not_found' });
  await renewStoreStamp(deps, ctx.tenantId);
  return updated;
}
