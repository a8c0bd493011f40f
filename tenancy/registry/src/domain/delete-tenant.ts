import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import type { TenantSnapshot } from '@fleet/tenancy';
import {
  findLifecycle,
  markDeleted,
  markRestored,
  type LifecycleRow,
} from '../data-access/tenant-lifecycle.repository';
import { toSnapshot, verifiedDomains } from '../data-access/tenant.repository';
import type { RegistryDeps, TenantLifecycle } from './registry-deps';
import { recordTenantEvent } from './tenant-events';

export interface TenantDeletion {
  tenant: TenantSnapshot;
  /** When the purge runs; null once restored. */
  purgeAfter: string | null;
}

function lifecycleOf(deps: RegistryDeps): TenantLifecycle {
  if (!deps.lifecycle) {
    throw new AppError('unavailable', 'Tenant lifecycle jobs are not running.', {
      code: 'lifecycle_unavailable',
    });
  }
  return deps.lifecycle;
}

const notFound = () => new AppError('not_found', 'No such tenant.', { code: 'tenant_not_found' });

function answer(row: LifecycleRow, deps: RegistryDeps, hosts: string[]): TenantDeletion {
  const snapshot = toSnapshot(row, deps.platformDomain, []);
  return {
    tenant: { ...snapshot, hosts },
    purgeAfter: row.status === 'deleted' && row.purge_after ? row.purge_after.toISOString() : null,
  };
}

/**
 * Soft-deletes a tenant: offline at once (no host resolves to it, and `tenant.deleted` carries a
 * snapshot without hosts so every gateway drops them from its caches), purged after the grace
 * period. A second delete changes nothing and answers the first one's purge time.
 */
export async function deleteTenant(ctx: Ctx, deps: RegistryDeps, tenantId: string): Promise<TenantDeletion> {
  const lifecycle = lifecycleOf(deps);
  const result = await deps.db.withTenant({ ...ctx, tenantId }, async (tx) => {
    const before = await findLifecycle(tx, tenantId);
    if (!before) throw notFound();
    if (before.status === 'deleted') return answer(before, deps, []);
    const hosts = toSnapshot(before, deps.platformDomain, await verifiedDomains(tx, tenantId)).hosts;
    const row = await markDeleted(tx, tenantId, lifecycle.graceSeconds);
    if (!row) throw notFound();
    const deleted = answer(row, deps, []);
    await recordTenantEvent(tx, ctx, 'tenant.deleted', { tenant: deleted.tenant, previousHosts: hosts });
    return deleted;
  });
  if (result.purgeAfter) await lifecycle.schedulePurge(tenantId, new Date(result.purgeAfter));
  return result;
}

/** Undoes a soft delete within the grace period; 409 once it is over (the purge may be running). */
export async function restoreTenant(ctx: Ctx, deps: RegistryDeps, tenantId: string): Promise<TenantDeletion> {
  const lifecycle = lifecycleOf(deps);
  const restored = await deps.db.withTenant({ ...ctx, tenantId }, async (tx) => {
    const before = await findLifecycle(tx, tenantId);
    if (!before) throw notFound();
    if (before.status !== 'deleted') {
      throw new AppError('conflict', 'This store is not deleted.', { code: 'tenant_not_deleted' });
    }
    const row = await markRestored(tx, tenantId);
    if (!row) {
      throw new AppError('conflict', 'The grace period is over; the store is being purged.', {
        code: 'grace_period_over',
      });
    }
    const answered = answer(
      row,
      deps,
      toSnapshot(row, deps.platformDomain, await verifiedDomains(tx, tenantId)).hosts,
    );
    await recordTenantEvent(tx, ctx, 'tenant.restored', { tenant: answered.tenant });
    return answered;
  });
  // The purge needs purge_after in the past and a restore needs it in the future: they never both run.
  await lifecycle.cancelPurge(tenantId);
  return restored;
}
