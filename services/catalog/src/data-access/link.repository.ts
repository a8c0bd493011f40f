import { prepared, type Queryable } from '@fleet/db';

const LINKS = {
  categories: { table: 'product_categories', column: 'category_id' },
  collections: { table: 'product_collections', column: 'collection_id' },
} as const;

export type LinkKind = keyof typeof LINKS;

/** Replaces the product's links of one kind. */
export async function setLinks(
  tx: Queryable,
  tenantId: string,
  productId: string,
  kind: LinkKind,
  ids: readonly string[],
): Promise<void> {
  const { table, column } = LINKS[kind];
  await tx.query(`DELETE FROM ${table} WHERE tenant_id = $1 AND product_id = $2`, [tenantId, productId]);
  if (!ids.length) return;
  await tx.query(
    `INSERT INTO ${table} (tenant_id, product_id, ${column})
     SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`,
    [tenantId, productId, [...new Set(ids)]],
  );
}

/** The ids among `ids` that are not categories (or collections) of this tenant. */
export async function unknownIds(
  tx: Queryable,
  tenantId: string,
  kind: LinkKind,
  ids: readonly string[],
): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx.rows<{ id: string }>(
    prepared(`catalog_known_${kind}`, `SELECT id FROM ${kind} WHERE tenant_id = $1 AND id = ANY($2::text[])`),
    [tenantId, ids],
  );
  const known = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

/** Locks the products linked to a category or collection about to be deleted; returns their ids. */
export async function lockLinkedProducts(
  tx: Queryable,
  tenantId: string,
  kind: LinkKind,
  targetId: string,
): Promise<string[]> {
  const { table, column } = LINKS[kind];
  const rows = await tx.rows<{ id: string }>(
    `SELECT p.id FROM products p JOIN ${table} l ON l.tenant_id = p.tenant_id AND l.product_id = p.id
      WHERE p.tenant_id = $1 AND l.${column} = $2 ORDER BY p.id FOR UPDATE OF p`,
    [tenantId, targetId],
  );
  return rows.map((r) => r.id);
}
