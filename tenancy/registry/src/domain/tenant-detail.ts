import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import type { TenantSnapshot } from '@fleet/tenancy';
import { findTenantById, toSnapshot, verifiedDomains } from '../data-access/tenant.repository';
import { readApiCalls, readUsage, type StoredUsage } from '../data-access/usage.repository';
import type { RegistryDeps } from './registry-deps';

export interface TenantDetail extends TenantSnapshot {
  createdAt: string;
  usage: StoredUsage & { apiCalls: { today: number; last30Days: number } };
}

/** One tenant as the console shows it, with usage counters. */
export async function tenantDetail(ctx: Ctx, deps: RegistryDeps, tenantId: string): Promise<TenantDetail> {
  const tenantCtx = { ...ctx, tenantId };
  const found = await deps.db.readAsTenant(tenantCtx, async (tx) => {
    const row = await findTenantById(tx, tenantId);
    if (!row) return undefined;
    return { row, domains: await verifiedDomains(tx, tenantId), usage: await readUsage(tx) };
  });
  if (!found) throw new AppError('not_found', 'No such tenant.', { code: 'tenant_not_found' });
  const apiCalls = await readApiCalls(deps.redis, deps.redisPrefix ?? '', tenantId);
  return {
    ...toSnapshot(found.row, deps.platformDomain, found.domains),
    createdAt: found.row.created_at.toISOString(),
    usage: { ...found.usage, apiCalls },
  };
}
