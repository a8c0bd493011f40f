import type { Queryable } from '@fleet/db';

/** The tables whose rows sign in with a password. */
export type AccountTable = 'customers' | 'staff' | 'platform_admins';

/**
 * Stores a rehashed password, only if the hash is still `from` (a password changed meanwhile
 * wins). Tenant tables are scoped by `tenantId`; platform admins belong to no tenant.
 */
export async function replacePasswordHash(
  tx: Queryable,
  table: AccountTable,
  change: { tenantId?: string; id: string; from: string; to: string },
): Promise<void> {
  const scoped = table !== 'platform_admins';
  await tx.query(
    `UPDATE ${table} SET password_hash = $3, updated_at = now()
      WHERE id = $1 AND password_hash = $2${scoped ? ' AND tenant_id = $4' : ''}`,
    scoped ? [change.id, change.from, change.to, change.tenantId] : [change.id, change.from, change.to],
  );
}
