import { prepared, type Queryable } from '@fleet/db';

export interface CollectionRow {
  id: string;
  slug: string;
  title: string;
  description: string;
}

const COLUMNS = 'id, slug, title, description';

export async function insertCollection(tx: Queryable, tenantId: string, c: CollectionRow): Promise<boolean> {
  const row = await tx.maybeOne(
    `INSERT INTO collections (tenant_id, id, slug, title, description) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, slug) DO NOTHING RETURNING id`,
    [tenantId, c.id, c.slug, c.title, c.description],
  );
  return row !== undefined;
}

export function findCollection(
  tx: Queryable,
  tenantId: string,
  id: string,
): Promise<CollectionRow | undefined> {
  return tx.maybeOne<CollectionRow>(`SELECT ${COLUMNS} FROM collections WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    id,
  ]);
}

/** A page in id (creation) order. */
export function listCollections(tx: Queryable, tenantId: string, afterId: string | null, limit: number) {
  return tx.rows<CollectionRow>(
    prepared(
      'catalog_list_collections',
      `SELECT ${COLUMNS} FROM collections WHERE tenant_id = $1 AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $3`,
    ),
    [tenantId, afterId, limit + 1],
  );
}

export function updateCollectionRow(
  tx: Queryable,
  tenantId: string,
  id: string,
  change: { title?: string; slug?: string; description?: string },
): Promise<CollectionRow | undefined> {
  return tx.maybeOne<CollectionRow>(
    `UPDATE collections SET title = coalesce($3, title), slug = coalesce($4, slug), description = coalesce($5, description)
      WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [tenantId, id, change.title ?? null, change.slug ?? null, change.description ?? null],
  );
}

export async function deleteCollectionRow(tx: Queryable, tenantId: string, id: string): Promise<void> {
  await tx.query('DELETE FROM collections WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}
