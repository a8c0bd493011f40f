import type { TenantCtx } from '@fleet/context';
import type { Db } from '@fleet/db';
import { deleteOrder, discoverTenantTables, ident } from './schema';

/**
 * Deletes every row of the tenant from every tenant-owned table, referencing tables first, in one
 * transaction under the tenant's own row-level security (so even a bug here cannot reach another
 * tenant's rows). Returns the rows deleted per table.
 */
export async function purgeTenantRows(db: Db, ctx: TenantCtx): Promise<Record<string, number>> {
  return db.withTenant(ctx, async (tx) => {
    const order = deleteOrder(await discoverTenantTables(tx));
    const deleted: Record<string, number> = {};
    for (const table of order) {
      const result = await tx.query(`DELETE FROM ${ident(table)} WHERE tenant_id = $1`, [ctx.tenantId]);
      deleted[table] = result.rowCount ?? 0;
    }
    return deleted;
  });
}

/** Rows of the tenant per table (the registry shows progress with it; tests compare with it). */
export async function countTenantRows(db: Db, ctx: TenantCtx): Promise<Record<string, number>> {
  return db.readAsTenant(ctx, async (tx) => {
    const tables = await discoverTenantTables(tx);
    if (tables.length === 0) return {};
    const sql = tables
      .map((t) => `SELECT '${t.name.replace(/'/g, "''")}' AS name, count(*)::int AS n FROM ${ident(t.name)}`)
      .join(' UNION ALL ');
    const rows = await tx.rows<{ name: string; n: number }>(sql);
    return Object.fromEntries(rows.map((r) => [r.name, r.n]));
  });
}
