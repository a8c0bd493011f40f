import { newId, prepared, type Queryable } from '@fleet/db';
import type { VariantInput } from '../domain/products/product-input';

/** SKU -> variant id of a product's current variants. */
export async function variantIdsBySku(
  tx: Queryable,
  tenantId: string,
  productId: string,
): Promise<Map<string, string>> {
  const rows = await tx.rows<{ id: string; sku: string }>(
    prepared('catalog_variant_ids', 'SELECT id, sku FROM variants WHERE tenant_id = $1 AND product_id = $2'),
    [tenantId, productId],
  );
  return new Map(rows.map((r) => [r.sku, r.id]));
}

/** Which of these SKUs belong to products other than `productId` (any product when null). */
export function skuOwners(
  tx: Queryable,
  tenantId: string,
  skus: readonly string[],
  productId: string | null,
): Promise<Array<{ sku: string; product_id: string }>> {
  return tx.rows(
    prepared(
      'catalog_sku_owners',
      `SELECT sku, product_id FROM variants
        WHERE tenant_id = $1 AND sku = ANY($2::text[]) AND product_id IS DISTINCT FROM $3`,
    ),
    [tenantId, skus, productId],
  );
}

const UPSERT_VARIANTS = prepared(
  'catalog_upsert_variants',
  `INSERT INTO variants (tenant_id, id, product_id, sku, title, price, currency, compare_at_price,
                         weight_grams, options, position)
   SELECT $1, r.id, $2, r.sku, r.title, r.price, r.currency, r."compareAtPrice", r."weightGrams",
          coalesce(r.options, '{}'::jsonb), r.position
     FROM jsonb_to_recordset($3::jsonb) AS r(id text, sku text, title text, price int, currency text,
          "compareAtPrice" int, "weightGrams" int, options jsonb, position int)
   ON CONFLICT (tenant_id, id) DO UPDATE SET
     sku = EXCLUDED.sku, title = EXCLUDED.title, price = EXCLUDED.price, currency = EXCLUDED.currency,
     compare_at_price = EXCLUDED.compare_at_price, weight_grams = EXCLUDED.weight_grams,
     options = EXCLUDED.options, position = EXCLUDED.position
   WHERE variants.product_id = EXCLUDED.product_id`,
);

/**
 * Makes the product's variants exactly `variants`: variants whose SKU is gone are deleted, the
 * others keep their id (and availability), new ones get an id. Extra prices are replaced. `stock`
 * is the starting availability of NEW variants only: after creation the inventory service owns
 * a variant's units and catalog learns them from `inventory.level_changed`.
 */
export async function saveVariants(
  tx: Queryable,
  tenantId: string,
  productId: string,
  variants: readonly VariantInput[],
  existing: ReadonlyMap<string, string>,
): Promise<void> {
  const rows = variants.map((v, position) => ({ ...v, id: existing.get(v.sku) ?? newId('var'), position }));
  const ids = rows.map((r) => r.id);
  if (existing.size) {
    await tx.query(
      'DELETE FROM variants WHERE tenant_id = $1 AND product_id = $2 AND NOT (id = ANY($3::text[]))',
      [tenantId, productId, ids],
    );
    await tx.query('DELETE FROM variant_prices WHERE tenant_id = $1 AND variant_id = ANY($2::text[])', [
      tenantId,
      ids,
    ]);
  }
  await tx.query(UPSERT_VARIANTS, [tenantId, productId, JSON.stringify(rows)]);
  const prices = rows.flatMap((r) => (r.prices ?? []).map((p) => ({ variantId: r.id, ...p })));
  if (prices.length) {
    await tx.query(
      `INSERT INTO variant_prices (tenant_id, variant_id, currency, amount)
       SELECT $1, r."variantId", r.currency, r.amount
         FROM jsonb_to_recordset($2::jsonb) AS r("variantId" text, currency text, amount int)`,
      [tenantId, JSON.stringify(prices)],
    );
  }
  const fresh = rows.filter((r) => !existing.has(r.sku)).map((r) => ({ id: r.id, stock: r.stock ?? 0 }));
  if (fresh.length) {
    await tx.query(
      `INSERT INTO variant_availability (tenant_id, variant_id, available)
       SELECT $1, r.id, r.stock FROM jsonb_to_recordset($2::jsonb) AS r(id text, stock int)`,
      [tenantId, JSON.stringify(fresh)],
    );
  }
}
