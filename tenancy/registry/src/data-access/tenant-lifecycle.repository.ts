import type { Queryable } from '@fleet/db';
import type { TenantRow } from './tenant.repository';

const COLUMNS =
  'id, slug, name, status, plan, currency, country, version, provision_key, created_at, purge_after';

export type LifecycleRow = TenantRow & { purge_after: Date | null };

/** Marks the tenant deleted (idempotent: a second delete keeps the first `purge_after`). */
export function markDeleted(
  tx: Queryable,
  id: string,
  graceSeconds: number,
): Promise<LifecycleRow | undefined> {
  return tx.maybeOne<LifecycleRow>(
    `UPDATE tenants SET status = 'deleted', deleted_at = now(),
            purge_after = now() + make_interval(secs => $2), version = version + 1, updated_at = now()
      WHERE id = $1 AND status <> 'deleted' RETURNING ${COLUMNS}`,
    [id, graceSeconds],
  );
}

/** Back to active while the grace period lasts; undefined once it is over (or not deleted). */
export function markRestored(tx: Queryable, id: string): Promise<LifecycleRow | undefined> {
  return tx.maybeOne<LifecycleRow>(
    `UPDATE tenants SET status = 'active', deleted_at = NULL, purge_after = NULL,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND status = 'deleted' AND purge_after > now() RETURNING ${COLUMNS}`,
    [id],
  );
}

export function findLifecycle(tx: Queryable, id: string): Promise<LifecycleRow | undefined> {
  return tx.maybeOne<LifecycleRow>(`SELECT ${COLUMNS} FROM tenants WHERE id = $1`, [id]);
}

/** Deleted tenants, for rescheduling their purges when the registry starts. */
export function deletedTenants(tx: Queryable): Promise<Array<{ id: string; purge_after: Date }>> {
  return tx.rows('SELECT id, purge_after FROM tenants WHERE status = $1 ORDER BY purge_after', ['deleted']);
}

/** The last step of a purge: the tenant row (its hostnames go with it), freeing slug and domains. */
export async function deleteTenantRow(tx: Queryable, id: string): Promise<void> {
  await tx.query(`DELETE FROM tenants WHERE id = $1 AND status = 'deleted'`, [id]);
}
