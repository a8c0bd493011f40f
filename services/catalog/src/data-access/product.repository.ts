import { prepared, type Queryable } from '@fleet/db';
import { REFRESH_PRODUCTS } from './store-product.sql';

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
}

/**
 * Inserts at version 0, unless the slug is taken (then false: the caller picks another slug or
 * answers 409). The summary columns are filled by `refreshProduct` once the variants exist.
 */
export async function insertProductRow(tx: Queryable, p: NewProductRow): Promise<boolean> {
  const row = await tx.maybeOne(
    prepared(
      'catalog_insert_product',
      `INSERT INTO products (tenant_id, id, slug, title, description, status, seo_title, seo_description,
                             images, option_names, currency, price_min, price_max, available, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::text[], $11, 0, 0, false, 0)
       ON CONFLICT (tenant_id, slug) DO NOTHING RETURNING id`,
    ),
    [
      p.tenantId,
      p.id,
      p.slug,
      p.title,
      p.description,
      p.status,
      p.seoTitle,
      p.seoDescription,
      JSON.stringify(p.images),
      p.optionNames,
      p.currency,
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

const REFRESH = prepared('catalog_refresh_products', REFRESH_PRODUCTS);

/**
 * Recomputes the denormalised price range, currency, availability and storefront card from the
 * variants and bumps the version: every change of a product ends with this statement (a create
 * inserts version 0, so it ends at 1). Returns the new version.
 */
export async function refreshProduct(tx: Queryable, tenantId: string, id: string): Promise<number> {
  const row = await tx.maybeOne<{ version: number }>(REFRESH, [tenantId, [id]]);
  if (!row) throw new Error(`product ${id} vanished while locked`);
  return row.version;
}

/**
 * `refreshProduct` when nobody reads the new version: deferred, it goes out with the next
 * statement or with COMMIT. Call with the product locked (it cannot vanish meanwhile).
 */
export function refreshProductLater(tx: Queryable, tenantId: string, id: string): void {
  tx.defer(REFRESH, [tenantId, [id]]);
}

/** The same for many products at once (seeding). */
export async function refreshProducts(
  tx: Queryable,
  tenantId: string,
  ids: readonly string[],
): Promise<void> {
  await tx.query(REFRESH, [tenantId, ids]);
}

export async function deleteProductRow(tx: Queryable, tenantId: string, id: string): Promise<void> {
  await tx.query('DELETE FROM products WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}

export async function productIdBySlug(
  tx: Queryable,
  tenantId: string,
  slug: string,
): Promise<string | undefined> {
  const row = await tx.maybeOne<{ id: string }>(
    'SELECT id FROM products WHERE tenant_id = $1 AND slug = $2',
    [tenantId, slug],
  );
  return row?.id;
}

/** A new version for products whose document changed through a link (a category was deleted). */
export async function bumpVersions(tx: Queryable, tenantId: string, ids: readonly string[]): Promise<void> {
  await tx.query(
    'UPDATE products SET version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = ANY($2::text[])',
    [tenantId, ids],
  );
}
