import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { deleteDomain } from '../data-access/domain.repository';
import { toSnapshot, updateTenant, verifiedDomains } from '../data-access/tenant.repository';
import type { RegistryDeps } from './registry-deps';
import { recordTenantEvent } from './tenant-events';

/** Drops a claim; a verified hostname stops routing and gateways hear it by event. */
export async function removeDomain(ctx: TenantCtx, deps: RegistryDeps, id: string): Promise<void> {
  await deps.db.withTenant(ctx, async (tx) => {
    const previousHosts = await verifiedDomains(tx, ctx.tenantId);
    const removed = await deleteDomain(tx, ctx.tenantId, id);
    if (!removed) throw new AppError('not_found', 'No such domain.', { code: 'domain_not_found' });
    if (!removed.verified_at) return;
    const after = await updateTenant(tx, ctx.tenantId, {});
    if (!after) return;
    const tenant = toSnapshot(after, deps.platformDomain, await verifiedDomains(tx, ctx.tenantId));
    await recordTenantEvent(tx, ctx, 'tenant.updated', { tenant, previousHosts });
  });
}
