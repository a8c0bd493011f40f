import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import type { TenantSnapshot, TenantStatus } from '@fleet/tenancy';
import { findTenantById, toSnapshot, updateTenant, verifiedDomains } from '../data-access/tenant.repository';
import type { RegistryDeps } from './registry-deps';
import { recordTenantEvent } from './tenant-events';

export interface TenantChange {
  status?: TenantStatus;
  plan?: string;
}

/** Suspends, resumes or re-plans a tenant; the event tells every gateway within moments. */
export async function changeTenant(
  ctx: Ctx,
  deps: RegistryDeps,
  tenantId: string,
  change: TenantChange,
): Promise<TenantSnapshot> {
  return deps.db.withTenant({ ...ctx, tenantId }, async (tx) => {
    const before = await findTenantById(tx, tenantId);
    if (!before) throw new AppError('not_found', 'No such tenant.', { code: 'tenant_not_found' });
    const after = await updateTenant(tx, tenantId, change);
    if (!after) throw new AppError('not_found', 'No such tenant.', { code: 'tenant_not_found' });
    const tenant = toSnapshot(after, deps.platformDomain, await verifiedDomains(tx, tenantId));
    await recordTenantEvent(tx, ctx, eventType(before.status, after.status), { tenant });
    return tenant;
  });
}

function eventType(before: TenantStatus, after: TenantStatus) {
  if (before !== after) return after === 'suspended' ? 'tenant.suspended' : 'tenant.resumed';
  return 'tenant.updated';
}
