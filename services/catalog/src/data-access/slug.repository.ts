import type { Queryable } from '@fleet/db';

/** Slugs of a table equal to `base` or `base-<n>`, to pick the next free one. */
export async function takenSlugs(
  tx: Queryable,
  table: 'products' | 'categories' | 'collections',
  tenantId: string,
  base: string,
): Promise<string[]> {
  const rows = await tx.rows<{ slug: string }>(
    `SELECT slug FROM ${table} WHERE tenant_id = $1 AND (slug = $2 OR slug LIKE $3)`,
    [tenantId, base, `${base}-%`],
  );
  return rows.map((r) => r.slug);
}
