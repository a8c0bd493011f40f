import type { TenantCtx } from '@fleet/context';
import type { Db } from '@fleet/db';
import { ident, type TenantTable } from './schema';

const BATCH = 500;

/**
 * Streams one table's rows of the tenant as NDJSON lines (one JSON object per line) to `write`,
 * without the redacted columns. One transaction and a cursor, so the table is read from a single
 * snapshot however long the stream takes; `to_jsonb` gives every type its JSON form (timestamps in
 * ISO 8601, numerics exact, bytea as `\x…` hex). Returns the number of rows written.
 */
export async function exportTable(
  db: Db,
  ctx: TenantCtx,
  table: TenantTable,
  redact: readonly string[],
  write: (chunk: string) => Promise<void>,
): Promise<number> {
  const order = table.primaryKey.length
    ? ` ORDER BY ${table.primaryKey.map((c) => `t.${ident(c)}`).join(', ')}`
    : '';
  return db.withTenant(ctx, async (tx) => {
    await tx.query(
      `DECLARE tenant_export NO SCROLL CURSOR FOR
         SELECT (to_jsonb(t) - $1::text[])::text AS line FROM ${ident(table.name)} t
          WHERE t.tenant_id = $2${order}`,
      [[...redact], ctx.tenantId],
    );
    let count = 0;
    for (;;) {
      const { rows } = await tx.query<{ line: string }>(`FETCH ${BATCH} FROM tenant_export`);
      if (rows.length === 0) break;
      count += rows.length;
      await write(rows.map((r) => `${r.line}\n`).join(''));
      if (rows.length < BATCH) break;
    }
    await tx.query('CLOSE tenant_export');
    return count;
  });
}
