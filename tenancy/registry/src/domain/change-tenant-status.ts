import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import type { TenantSnapshot, TenantStatus } from '@fleet/tenancy';
import { findTenantById, toSnapshot, updateTenant, verifiedDomains } from '../data-access/tenant.repository';
import type { RegistryDeps } from './registry-deps';
import { recordTenantEvent } from './tenant-events';

export interface TenantChange {
  status?: TenantStatus;
  plan?: string;
  /** Why (suspend and resume from the console): carried by the event (with the actor in its context). */
  reason?: string;
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
    if (before.status === 'deleted') {
      // Only a restore brings a deleted store back; suspend, resume or a new plan would not.
      throw new AppError('conflict', 'This store is deleted; restore it first.', { code: 'tenant_deleted' });
    }
    const after = await updateTenant(tx, tenantId, { status: change.status, plan: change.plan });
    if (!after) throw new AppError('not_found', 'No such tenant.', { code: 'tenant_not_found' });
    const tenant = toSnapshot(after, deps.platformDomain, await verifiedDomains(tx, tenantId));
    const type = eventType(before.status, after.status);
    await recordTenantEvent(tx, ctx, type, { tenant, ...(change.reason ? { reason: change.reason } : {}) });
    return tenant;
  });
}

function eventType(before: TenantStatus, after: TenantStatus) {
  if (before !== after) return after === 'suspended' ? 'tenant.suspended' : 'tenant.resumed';
  return 'tenant.updated';
}
