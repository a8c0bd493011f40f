import { newId, type Db } from '@fleet/db';
import { refreshProducts } from '@fleet/catalog';

export interface SeedOptions {
  /** Products to insert. */
  count: number;
  /** Variants per product (default 2). */
  variantsPerProduct?: number;
  /** Top-level categories, each product in one of them (default 5). */
  categories?: number;
  /** Prefix of slugs and SKUs, so a tenant can be seeded twice (default "seed"). */
  prefix?: string;
  /** ISO 4217 code of every price (default USD). */
  currency?: string;
}

export interface SeededCatalog {
  productIds: string[];
  categoryIds: string[];
  variantIds: string[];
}

/**
 * Bulk-inserts `count` active products of one tenant (variants, availability, category links) in
 * a few set-based statements: benchmarks and other workspaces' tests fill a catalog in
 * milliseconds. Works with any role's `Db` (row-level security is satisfied by the tenant scope).
 * Writes no events. Product n is `${prefix}-product-n`, created n seconds ago, priced
 * 100 + (n * 7919) % 100000 minor units (+100 per further variant); every 10th is out of stock.
 */
export async function seedProducts(db: Db, tenantId: string, options: SeedOptions): Promise<SeededCatalog> {
  const perProduct = options.variantsPerProduct ?? 2;
  const prefix = options.prefix ?? 'seed';
  const productIds = Array.from({ length: options.count }, () => newId('prod'));
  const categoryIds = Array.from({ length: options.categories ?? 5 }, () => newId('cat'));
  const variantIds = Array.from({ length: options.count * perProduct }, () => newId('var'));
  const values = [
    tenantId,
    productIds,
    categoryIds,
    variantIds,
    perProduct,
    prefix,
    options.currency ?? 'USD',
  ];
  await db.withTenant({ requestId: 'seed', tenantId }, async (tx) => {
    for (const statement of STATEMENTS) await tx.query(statement, values);
    await refreshProducts(tx, tenantId, productIds);
  });
  return { productIds, categoryIds, variantIds };
}

// Every statement takes the same parameters: $1 tenant, $2 product ids, $3 category ids,
// $4 variant ids, $5 variants per product, $6 prefix, $7 currency. Unused ones are cast but ignored.
const PARAMS = `(SELECT $1::text AS t, $2::text[] AS products, $3::text[] AS cats, $4::text[] AS vars,
                        $5::int AS per, $6::text AS prefix, $7::text AS currency) s`;

const STATEMENTS = [
  `INSERT INTO categories (tenant_id, id, slug, name, position)
   SELECT s.t, c.id, s.prefix || '-category-' || c.n, initcap(s.prefix) || ' category ' || c.n, c.n
     FROM ${PARAMS}, unnest(s.cats) WITH ORDINALITY AS c(id, n)`,
  `INSERT INTO products (tenant_id, id, slug, title, description, status, currency, price_min, price_max,
                         available, option_names, version, created_at, updated_at)
   SELECT s.t, p.id, s.prefix || '-product-' || p.n, initcap(s.prefix) || ' product ' || p.n,
          'A product seeded for tests and benchmarks.', 'active', s.currency,
          100 + (p.n * 7919) % 100000, 100 + (p.n * 7919) % 100000 + (s.per - 1) * 100,
          p.n % 10 <> 0, '{Size}', 0, now() - p.n * interval '1 second', now() - p.n * interval '1 second'
     FROM ${PARAMS}, unnest(s.products) WITH ORDINALITY AS p(id, n)`,
  `INSERT INTO variants (tenant_id, id, product_id, sku, title, price, currency, options, position)
   SELECT s.t, v.id, s.products[(v.m - 1) / s.per + 1],
          upper(s.prefix) || '-' || ((v.m - 1) / s.per + 1) || '-' || ((v.m - 1) % s.per + 1),
          'Variant ' || ((v.m - 1) % s.per + 1),
          100 + (((v.m - 1) / s.per + 1) * 7919) % 100000 + ((v.m - 1) % s.per) * 100, s.currency,
          jsonb_build_object('Size', 'S' || ((v.m - 1) % s.per + 1)), (v.m - 1) % s.per
     FROM ${PARAMS}, unnest(s.vars) WITH ORDINALITY AS v(id, m)`,
  `INSERT INTO variant_availability (tenant_id, variant_id, available)
   SELECT s.t, v.id, CASE WHEN ((v.m - 1) / s.per + 1) % 10 = 0 THEN 0 ELSE 10 END
     FROM ${PARAMS}, unnest(s.vars) WITH ORDINALITY AS v(id, m)`,
  `INSERT INTO product_categories (tenant_id, product_id, category_id)
   SELECT s.t, p.id, s.cats[(p.n - 1) % cardinality(s.cats) + 1]
     FROM ${PARAMS}, unnest(s.products) WITH ORDINALITY AS p(id, n)
    WHERE cardinality(s.cats) > 0`,
];
