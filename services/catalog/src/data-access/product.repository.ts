import { prepared, type Queryable } from '@fleet/db';

export interface NewProductRow {
  tenantId: string;
  id: string;
  slug: string;
  title: string;
  description: string;
  status: string;
  seoTitle: string | null;
  seoDescription: string | null;
  images: string[];
  optionNames: string[];
  currency: string;
  priceMin: number;
  priceMax: number;
  available: boolean;
}

/** Inserts unless the slug is taken (then false: the caller picks another slug or answers 409). */
export async function insertProductRow(tx: Queryable, p: NewProductRow): Promise<boolean> {
  const row = await tx.maybeOne(
    prepared(
      'catalog_insert_product',
      `INSERT INTO products (tenant_id, id, slug, title, description, status, seo_title, seo_description,
                             images, option_names, currency, price_min, price_max, available)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::text[], $11, $12, $13, $14)
       ON CONFLICT (tenant_id, slug) DO NOTHING RETURNING id`,
    ),
    [
      p.tenantId, p.id, p.slug, p.title, p.description, p.status, p.seoTitle, p.seoDescription,
      JSON.stringify(p.images), p.optionNames, p.currency, p.priceMin, p.priceMax, p.available,
    ],
  );
  return row !== undefined;
}

export interface LockedProduct {
  id: string;
  slug: string;
  version: number;
  option_names: string[];
}

/** Locks the product row first, so that the versions of its events follow commit order. */
export function lockProduct(tx: Queryable, tenantId: string, id: string): Promise<LockedProduct | undefined> {
  return tx.maybeOne<LockedProduct>(
    prepared(
      'catalog_lock_product',
      'SELECT id, slug, version, option_names FROM products WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
    ),
    [tenantId, id],
  );
}

export interface ProductFieldChange {
  slug?: string;
  title?: string;
  description?: string;
  status?: string;
  seo?: { title?: string | null; description?: string | null };
  images?: string[];
  options?: string[];
}

/** Writes the given fields only; the columns come from this fixed list, the values are bound. */
export async function updateProductRow(
  tx: Queryable,
  tenantId: string,
  id: string,
  change: ProductFieldChange,
): Promise<void> {
  const values: unknown[] = [tenantId, id];
  const sets: string[] = [];
  const set = (column: string, value: unknown, cast = '') => {
    if (value === undefined) return;
    values.push(value);
    sets.push(`${column} = $${values.length}${cast}`);
  };
  set('slug', change.slug);
  set('title', change.title);
  set('description', change.description);
  set('status', change.status);
  set('seo_title', change.seo?.title);
  set('seo_description', change.seo?.description);
  set('images', change.images && JSON.stringify(change.images), '::jsonb');
  set('option_names', change.options, '::text[]');
  if (!sets.length) return;
  await tx.query(`UPDATE products SET ${sets.join(', ')} WHERE tenant_id = $1 AND id = $2`, values);
}

/**
 * Recomputes the denormalised price range, currency and availability from the variants and bumps
 * the version: every change of a product ends with this statement. Returns the new version.
 */
export async function refreshProduct(tx: Queryable, tenantId: string, id: string): Promise<number> {
  const row = await tx.maybeOne<{ version: number }>(
    prepared(
      'catalog_refresh_product',
      `UPDATE products p SET price_min = coalesce(s.price_min, 0), price_max = coalesce(s.price_max, 0),
              currency = coalesce(s.currency, p.currency), available = coalesce(s.available, false),
              version = p.version + 1, updated_at = now()
         FROM (SELECT min(v.price) AS price_min, max(v.price) AS price_max, min(v.currency) AS currency,
                      bool_or(coalesce(a.available, 0) > 0) AS available
                 FROM variants v
                 LEFT JOIN variant_availability a ON a.tenant_id = v.tenant_id AND a.variant_id = v.id
                WHERE v.tenant_id = $1 AND v.product_id = $2) s
        WHERE p.tenant_id = $1 AND p.id = $2
       RETURNING p.version`,
    ),
    [tenantId, id],
  );
  if (!row) throw new Error(`product ${id} vanished while locked`);
  return row.version;
}

export async function deleteProductRow(tx: Queryable, tenantId: string, id: string): Promise<void> {
  await tx.query('DELETE FROM products WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}

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

export async function productIdBySlug(tx: Queryable, tenantId: string, slug: string): Promise<string | undefined> {
  const row = await tx.maybeOne<{ id: string }>('SELECT id FROM products WHERE tenant_id = $1 AND slug = $2', [
    tenantId,
    slug,
  ]);
  return row?.id;
}

/** A new version for products whose document changed through a link (a category was deleted). */
export async function bumpVersions(tx: Queryable, tenantId: string, ids: readonly string[]): Promise<void> {
  await tx.query('UPDATE products SET version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = ANY($2::text[])', [
    tenantId,
    ids,
  ]);
}
