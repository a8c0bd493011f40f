import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import type { TenantDataSource } from '@fleet/tenant-data';
import type Redis from 'ioredis';
import { deleteTenantRow, findLifecycle } from '../data-access/tenant-lifecycle.repository';

export interface PurgeDeps {
  db: Db;
  logger: Logger;
  redis: Redis;
  redisPrefix: string;
  /** Other services' tenant data, purged first. */
  remoteSources: () => TenantDataSource[];
  /** The registry's own tenant tables, purged after every other service. */
  localSource: TenantDataSource;
  /** Removes the tenant's waiting and delayed BullMQ jobs; resolves to how many were removed. */
  removeQueuedWork: (tenantId: string) => Promise<number>;
}

export type PurgeOutcome =
  | { purged: true; rows: Record<string, Record<string, number>>; redisKeys: number; jobs: number }
  | { purged: false; reason: 'not_deleted' | 'not_due' | 'gone' };

/**
 * Purges a soft-deleted tenant whose grace period is over: every service's rows, its Redis keys
 * (`{t:<id>}`, found with SCAN), its queued jobs, then the registry's own rows and finally the
 * tenant row, which frees its slug and domains. Each step is idempotent, so a failed purge is
 * simply run again (the job retries); the tenant stays deleted, offline, until it completes.
 */
export async function purgeTenant(deps: PurgeDeps, tenantId: string): Promise<PurgeOutcome> {
  const tenant = await deps.db.transaction((tx) => findLifecycle(tx, tenantId));
  if (!tenant) return { purged: false, reason: 'gone' };
  if (tenant.status !== 'deleted') return { purged: false, reason: 'not_deleted' };
  if (!tenant.purge_after || tenant.purge_after.getTime() > Date.now())
    return { purged: false, reason: 'not_due' };

  const rows: Record<string, Record<string, number>> = {};
  for (const source of deps.remoteSources()) rows[source.service] = (await source.purge(tenantId)).deleted;
  const redisKeys = await deleteTenantKeys(deps.redis, deps.redisPrefix, tenantId);
  const jobs = await deps.removeQueuedWork(tenantId);
  rows[deps.localSource.service] = (await deps.localSource.purge(tenantId)).deleted;
  await deps.db.transaction((tx) => deleteTenantRow(tx, tenantId));
  deps.logger.info({ tenantId, rows, redisKeys, jobs }, 'tenant purged');
  return { purged: true, rows, redisKeys, jobs };
}

/** Glob-escapes a literal for SCAN MATCH. */
function globLiteral(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

/**
 * Every key of this deployment that carries the tenant's hash tag, found with SCAN (never KEYS,
 * which blocks Redis) and removed with UNLINK in batches.
 */
export async function deleteTenantKeys(redis: Redis, prefix: string, tenantId: string): Promise<number> {
  const match = `${globLiteral(prefix)}*${globLiteral(`{t:${tenantId}}`)}*`;
  let cursor = '0';
  let removed = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
    cursor = next;
    if (keys.length) removed += await redis.unlink(...keys);
  } while (cursor !== '0');
  return removed;
}
