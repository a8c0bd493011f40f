import { prepared, type Queryable } from '@fleet/db';

export interface CategoryRow {
  id: string;
  parent_id: string | null;
  slug: string;
  name: string;
  position: number;
}

const COLUMNS = 'id, parent_id, slug, name, position';

export async function insertCategory(tx: Queryable, tenantId: string, c: CategoryRow): Promise<boolean> {
  const row = await tx.maybeOne(
    `INSERT INTO categories (tenant_id, id, parent_id, slug, name, position) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, slug) DO NOTHING RETURNING id`,
    [tenantId, c.id, c.parent_id, c.slug, c.name, c.position],
  );
  return row !== undefined;
}

export function findCategory(tx: Queryable, tenantId: string, id: string): Promise<CategoryRow | undefined> {
  return tx.maybeOne<CategoryRow>(`SELECT ${COLUMNS} FROM categories WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    id,
  ]);
}

/** By slug, or by name ignoring case (CSV imports name categories). */
export function findCategoryByName(tx: Queryable, tenantId: string, slug: string, name: string) {
  return tx.maybeOne<CategoryRow>(
    `SELECT ${COLUMNS} FROM categories WHERE tenant_id = $1 AND (slug = $2 OR lower(name) = lower($3))
      ORDER BY slug = $2 DESC, id LIMIT 1`,
    [tenantId, slug, name],
  );
}

/** A page in id (creation) order. */
export function listCategories(tx: Queryable, tenantId: string, afterId: string | null, limit: number) {
  return tx.rows<CategoryRow>(
    `SELECT ${COLUMNS} FROM categories WHERE tenant_id = $1 AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $3`,
    [tenantId, afterId, limit + 1],
  );
}

/** The whole tree, siblings in display order (bounded by the per-store maximum). */
export function allCategories(tx: Queryable, tenantId: string): Promise<CategoryRow[]> {
  return tx.rows<CategoryRow>(
    prepared(
      'catalog_all_categories',
      `SELECT ${COLUMNS} FROM categories WHERE tenant_id = $1 ORDER BY position, name, id`,
    ),
    [tenantId],
  );
}

export async function countCategories(tx: Queryable, tenantId: string): Promise<number> {
  const row = await tx.maybeOne<{ n: number }>(
    'SELECT count(*)::int AS n FROM categories WHERE tenant_id = $1',
    [tenantId],
  );
  return row?.n ?? 0;
}

export async function updateCategoryRow(
  tx: Queryable,
  tenantId: string,
  id: string,
  change: { name?: string; slug?: string; parentId?: string | null; position?: number },
): Promise<CategoryRow | undefined> {
  return tx.maybeOne<CategoryRow>(
    `UPDATE categories SET name = coalesce($3, name), slug = coalesce($4, slug),
            parent_id = CASE WHEN $5 THEN $6 ELSE parent_id END, position = coalesce($7, position)
      WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [
      tenantId,
      id,
      change.name ?? null,
      change.slug ?? null,
      change.parentId !== undefined,
      change.parentId ?? null,
      change.position ?? null,
    ],
  );
}

/** True when `categoryId` is `parentId` or one of its ancestors: moving it there would make a cycle. */
export async function wouldCycle(tx: Queryable, tenantId: string, categoryId: string, parentId: string) {
  const row = await tx.maybeOne(
    `WITH RECURSIVE up(id, parent_id) AS (
       SELECT id, parent_id FROM categories WHERE tenant_id = $1 AND id = $2
       UNION SELECT c.id, c.parent_id FROM categories c JOIN up ON c.id = up.parent_id WHERE c.tenant_id = $1)
     SELECT 1 FROM up WHERE id = $3 LIMIT 1`,
    [tenantId, parentId, categoryId],
  );
  return row !== undefined;
}

/** Serialises changes of one store's tree (two concurrent moves could otherwise make a cycle). */
export async function lockTree(tx: Queryable, tenantId: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('catalog.categories:' || $1, 0))", [
    tenantId,
  ]);
}

export async function hasChildren(tx: Queryable, tenantId: string, id: string): Promise<boolean> {
  const row = await tx.maybeOne('SELECT 1 FROM categories WHERE tenant_id = $1 AND parent_id = $2 LIMIT 1', [
    tenantId,
    id,
  ]);
  return row !== undefined;
}

export async function deleteCategoryRow(tx: Queryable, tenantId: string, id: string): Promise<void> {
  await tx.query('DELETE FROM categories WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}
