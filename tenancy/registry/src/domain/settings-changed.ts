import type { Ctx } from '@fleet/context';
import { TENANT_EVENTS } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { readRates } from '../data-access/store-rates.repository';
import { toSnapshot, updateTenant, verifiedDomains } from '../data-access/tenant.repository';
import type { RegistryDeps } from './registry-deps';
import { recordTenantEvent, type SettingsChangedData } from './tenant-events';

/**
 * Writes `tenant.settings_changed` in the caller's transaction, after the settings changed: the
 * tenant row is bumped (ordering it against a concurrent suspension), and the event carries the
 * snapshot at the new version with the current rates. Checkout drops its cached rates on it;
 * gateways, which take every `tenant.*` event, apply the snapshot harmlessly.
 */
export async function recordSettingsChanged(
  tx: Queryable,
  ctx: Ctx,
  deps: Pick<RegistryDeps, 'platformDomain'>,
  tenantId: string,
): Promise<SettingsChangedData> {
  const rates = await readRates(tx);
  const row = rates && (await updateTenant(tx, tenantId, {}));
  if (!rates || !row) {
    throw new AppError('not_found', 'This store has no settings.', { code: 'store_not_found' });
  }
  const tenant = toSnapshot(row, deps.platformDomain, await verifiedDomains(tx, tenantId));
  const data: SettingsChangedData = { tenant, rates };
  await recordTenantEvent(tx, ctx, TENANT_EVENTS.settingsChanged, data);
  return data;
}
