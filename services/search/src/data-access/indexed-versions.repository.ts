import { prepared, type Queryable } from '@fleet/db';

export interface VersionMark {
  productId: string;
  version: number;
  /** A removal: it wins a tie with an update of the same version. */
  deleted: boolean;
}

// Row locks taken here are held until the caller's transaction ends, so two events of one
// product are sent to Meilisearch one after the other, in version order.
const ADVANCE = prepared(
  'indexed_versions_advance',
  `INSERT INTO indexed_versions AS v (tenant_id, product_id, version, deleted)
   SELECT $1, r.product_id, r.version, r.deleted
   FROM jsonb_to_recordset($2::jsonb) AS r(product_id text, version int, deleted boolean)
   ON CONFLICT (tenant_id, product_id) DO UPDATE
     SET version = EXCLUDED.version, deleted = EXCLUDED.deleted, indexed_at = now()
   WHERE v.version < EXCLUDED.version OR (v.version = EXCLUDED.version AND EXCLUDED.deleted AND NOT v.deleted)
   RETURNING product_id`,
);

/**
 * Records each mark that is newer than the stored one (in the caller's tenant transaction) and
 * returns the product ids that advanced: only those may be written to Meilisearch.
 */
export async function advanceVersions(
  tx: Queryable,
  tenantId: string,
  marks: readonly VersionMark[],
): Promise<Set<string>> {
  if (!marks.length) return new Set();
  const rows = marks.map((m) => ({ product_id: m.productId, version: m.version, deleted: m.deleted }));
  const advanced = await tx.rows<{ product_id: string }>(ADVANCE, [tenantId, JSON.stringify(rows)]);
  return new Set(advanced.map((row) => row.product_id));
}

export async function forgetVersions(tx: Queryable, tenantId: string): Promise<void> {
  await tx.query('DELETE FROM indexed_versions WHERE tenant_id = $1', [tenantId]);
}
