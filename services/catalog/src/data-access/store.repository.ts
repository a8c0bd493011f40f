import { prepared, type Queryable } from '@fleet/db';
import { STORE_DETAIL } from './store-product.sql';

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

/** `item` is the product card as JSON text; `k` the sort key of the row (for the next cursor). */
export interface StoreListRow {
  item: string;
  id: string;
  k: string | number;
}

const ISO_CREATED = `to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const SORTS = {
  newest: { key: 'p.created_at', dir: 'DESC', cmp: '<', cast: 'timestamptz', out: ISO_CREATED },
  price_asc: { key: 'p.price_min', dir: 'ASC', cmp: '>', cast: 'int', out: 'p.price_min' },
  price_desc: { key: 'p.price_min', dir: 'DESC', cmp: '<', cast: 'int', out: 'p.price_min' },
} as const;

/**
 * The storefront list as ONE prepared statement: the page of active products in the order of an
 * index that leads with (tenant_id, status), each with its stored card (variants included, kept
 * current by `refreshProduct`). Only the filters given are in the SQL, and each combination is a
 * named statement of its own (a bounded set: 3 sorts x 2^7 shapes), planned for what it filters
 * and parsed once per connection.
 */
export function listStoreProducts(
  tx: Queryable,
  tenantId: string,
  query: StoreListQuery,
): Promise<StoreListRow[]> {
  const { where, values, shape, prefix } = conditions(tenantId, query);
  const sort = SORTS[query.sort];
  const limit = `$${values.push(query.limit + 1)}::int`;
  const order = `ORDER BY ${sort.key} ${sort.dir}, p.id ${sort.dir}`;
  const select = `SELECT p.store_card::text AS item, p.id, ${sort.out} AS k`;
  const matching = `FROM products p WHERE ${where.join(' AND ')} ${order} LIMIT ${limit}`;
  // Filters may leave many candidates to sort: find the page's ids first, then read 20 cards only.
  const sql = /[qckmxv]/.test(shape)
    ? `${prefix}${select} FROM (SELECT p.id ${matching}) page JOIN products p ON p.tenant_id = $1 AND p.id = page.id ${order}`
    : `${select} ${matching}`;
  return tx.rows<StoreListRow>(prepared(`catalog_store_${query.sort}_${shape}`, sql), values);
}

/** The WHERE of a listing: always the tenant and `active`, then each filter given (one letter each). */
function conditions(tenantId: string, query: StoreListQuery) {
  const values: unknown[] = [tenantId];
  const param = (value: unknown, cast: string) => `$${values.push(value)}::${cast}`;
  const where = ['p.tenant_id = $1', "p.status = 'active'"];
  let shape = '';
  let prefix = '';
  const add = (condition: string, letter: string) => {
    where.push(condition);
    shape += letter;
  };
  if (query.q) add(`p.title ILIKE ${param(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, 'text')}`, 'q');
  if (query.category) {
    const c = param(query.category, 'text');
    prefix = `WITH RECURSIVE tree(id) AS (
        SELECT c.id FROM categories c WHERE c.tenant_id = $1 AND (c.id = ${c} OR c.slug = ${c})
        UNION SELECT c.id FROM categories c JOIN tree ON c.parent_id = tree.id WHERE c.tenant_id = $1) `;
    add(
      `EXISTS (SELECT 1 FROM product_categories l JOIN tree ON tree.id = l.category_id
                  WHERE l.tenant_id = p.tenant_id AND l.product_id = p.id)`,
      'c',
    );
  }
  if (query.collection) {
    const k = param(query.collection, 'text');
    add(
      `EXISTS (SELECT 1 FROM product_collections l
           JOIN collections k ON k.tenant_id = l.tenant_id AND k.id = l.collection_id
          WHERE l.tenant_id = p.tenant_id AND l.product_id = p.id AND (k.id = ${k} OR k.slug = ${k}))`,
      'k',
    );
  }
  if (query.minPrice !== undefined) add(`p.price_min >= ${param(query.minPrice, 'int')}`, 'm');
  if (query.maxPrice !== undefined) add(`p.price_min <= ${param(query.maxPrice, 'int')}`, 'x');
  if (query.available) add('p.available', 'v');
  if (query.after) {
    const sort = SORTS[query.sort];
    add(
      `(${sort.key}, p.id) ${sort.cmp} (${param(query.after.key, sort.cast)}, ${param(query.after.id, 'text')})`,
      'a',
    );
  }
  return { where, values, shape, prefix };
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
export async function findStoreProduct(
  tx: Queryable,
  tenantId: string,
  idOrSlug: string,
): Promise<string | undefined> {
  const row = await tx.maybeOne<{ item: string }>(idOrSlug.startsWith('prod_') ? BY_ID : BY_SLUG, [
    tenantId,
    idOrSlug,
  ]);
  return row?.item;
}
