import { prepared, type Queryable } from '@fleet/db';

/** `VariantInfo` (@fleet/contracts) of each known variant, as JSON text built by Postgres. */
const LOOKUP = prepared(
  'catalog_variant_lookup',
  `SELECT json_build_object(
     'variantId', v.id, 'productId', p.id, 'productTitle', p.title, 'productSlug', p.slug,
     'title', v.title, 'sku', v.sku, 'price', v.price, 'currency', v.currency,
     'available', greatest(coalesce(a.available, 0), 0), 'purchasable', p.status = 'active',
     'image', p.images ->> 0)::text AS item
     FROM variants v
     JOIN products p ON p.tenant_id = v.tenant_id AND p.id = v.product_id
     LEFT JOIN variant_availability a ON a.tenant_id = v.tenant_id AND a.variant_id = v.id
    WHERE v.tenant_id = $1 AND v.id = ANY($2::text[])
    ORDER BY v.id`,
);

export async function lookupVariants(
  tx: Queryable,
  tenantId: string,
  ids: readonly string[],
): Promise<string[]> {
  const rows = await tx.rows<{ item: string }>(LOOKUP, [tenantId, ids]);
  return rows.map((r) => r.item);
}
