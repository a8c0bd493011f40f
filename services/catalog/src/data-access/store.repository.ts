import { prepared, type Queryable } from '@fleet/db';
import { STORE_DETAIL, STORE_ITEM } from './store-product.sql';

export type StoreSort = 'newest' | 'price_asc' | 'price_desc';

export interface StoreListQuery {
  q?: string;
  /** A category id or slug: its products and those of its subcategories. */
  category?: string;
  /** A collection id or slug. */
  collection?: string;
  minPrice?: number;
  maxPrice?: number;
  available?: boolean;
  sort: StoreSort;
  limit: number;
  after?: { key: string | number; id: string };
}

/** `item` is the product JSON as text; `k` the sort key of the row (for the next cursor). */
export interface StoreListRow {
  item: string;
  id: string;
  k: string | number;
}

const SORTS = {
  newest: { key: 'p.created_at', dir: 'DESC', cmp: '<', cast: 'timestamptz', out: `to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` },
  price_asc: { key: 'p.price_min', dir: 'ASC', cmp: '>', cast: 'int', out: 'p.price_min' },
  price_desc: { key: 'p.price_min', dir: 'DESC', cmp: '<', cast: 'int', out: 'p.price_min' },
} as const;

/**
 * The storefront list as ONE prepared statement: the page of active products with their variants
 * aggregated, in the order of an index that leads with (tenant_id, status). Only the filters given
 * are in the SQL, and each combination is its own named statement (a bounded set: 3 sorts x 2^7
 * shapes), so every shape gets a plan of its own and is parsed once per connection.
 */
export function listStoreProducts(tx: Queryable, tenantId: string, query: StoreListQuery): Promise<StoreListRow[]> {
  const values: unknown[] = [tenantId];
  const param = (value: unknown, cast: string) => `$${values.push(value)}::${cast}`;
  const where = ['p.tenant_id = $1', "p.status = 'active'"];
  let shape = '';
  let recursive = '';
  if (query.q) {
    where.push(`p.title ILIKE ${param(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, 'text')}`);
    shape += 'q';
  }
  if (query.category) {
    recursive = `WITH RECURSIVE tree(id) AS (
        SELECT c.id FROM categories c WHERE c.tenant_id = $1 AND (c.id = ${param(query.category, 'text')} OR c.slug = $${values.length})
        UNION SELECT c.id FROM categories c JOIN tree ON c.parent_id = tree.id WHERE c.tenant_id = $1) `;
    where.push(`EXISTS (SELECT 1 FROM product_categories l JOIN tree ON tree.id = l.category_id
                         WHERE l.tenant_id = p.tenant_id AND l.product_id = p.id)`);
    shape += 'c';
  }
  if (query.collection) {
    where.push(`EXISTS (SELECT 1 FROM product_collections l JOIN collections k ON k.tenant_id = l.tenant_id AND k.id = l.collection_id
                         WHERE l.tenant_id = p.tenant_id AND l.product_id = p.id
                           AND (k.id = ${param(query.collection, 'text')} OR k.slug = $${values.length}))`);
    shape += 'k';
  }
  if (query.minPrice !== undefined) {
    where.push(`p.price_min >= ${param(query.minPrice, 'int')}`);
    shape += 'm';
  }
  if (query.maxPrice !== undefined) {
    where.push(`p.price_min <= ${param(query.maxPrice, 'int')}`);
    shape += 'x';
  }
  if (query.available) {
    where.push('p.available');
    shape += 'v';
  }
  const sort = SORTS[query.sort];
  if (query.after) {
    where.push(`(${sort.key}, p.id) ${sort.cmp} (${param(query.after.key, sort.cast)}, ${param(query.after.id, 'text')})`);
    shape += 'a';
  }
  const limit = param(query.limit + 1, 'int');
  const sql = `${recursive}SELECT ${STORE_ITEM} AS item, p.id, ${sort.out} AS k FROM products p
    WHERE ${where.join(' AND ')} ORDER BY ${sort.key} ${sort.dir}, p.id ${sort.dir} LIMIT ${limit}`;
  return tx.rows<StoreListRow>(prepared(`catalog_store_${query.sort}_${shape}`, sql), values);
}

const BY_ID = prepared(
  'catalog_store_product_by_id',
  `SELECT ${STORE_DETAIL} AS item FROM products p WHERE p.tenant_id = $1 AND p.status = 'active' AND p.id = $2`,
);
const BY_SLUG = prepared(
  'catalog_store_product_by_slug',
  `SELECT ${STORE_DETAIL} AS item FROM products p WHERE p.tenant_id = $1 AND p.status = 'active' AND p.slug = $2`,
);

/** An active product by id (`prod_...`) or slug, as JSON text. */
export async function findStoreProduct(tx: Queryable, tenantId: string, idOrSlug: string): Promise<string | undefined> {
  const row = await tx.maybeOne<{ item: string }>(idOrSlug.startsWith('prod_') ? BY_ID : BY_SLUG, [tenantId, idOrSlug]);
  return row?.item;
}
