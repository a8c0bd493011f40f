import { prepared, type Queryable } from '@fleet/db';
import type { ProductView } from '../domain/products/product-view';
import { RATING } from './store-product.sql';

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The whole product as events and the admin API show it: the `ProductDocument` contract plus
 * seo, option names and each variant's weight, position and extra prices. Built by Postgres in the
 * same statement that finds the product (`p`).
 */
export const PRODUCT_DOCUMENT = `json_build_object(
  'id', p.id, 'slug', p.slug, 'title', p.title, 'description', p.description, 'status', p.status,
  'categoryIds', coalesce((SELECT json_agg(l.category_id ORDER BY l.category_id) FROM product_categories l
                            WHERE l.tenant_id = p.tenant_id AND l.product_id = p.id), '[]'),
  'collectionIds', coalesce((SELECT json_agg(l.collection_id ORDER BY l.collection_id) FROM product_collections l
                              WHERE l.tenant_id = p.tenant_id AND l.product_id = p.id), '[]'),
  'images', p.images,
  'variants', coalesce((SELECT json_agg(json_build_object(
      'id', v.id, 'sku', v.sku, 'title', v.title, 'price', v.price, 'currency', v.currency,
      'compareAtPrice', v.compare_at_price, 'available', coalesce(a.available, 0), 'options', v.options,
      'weightGrams', v.weight_grams, 'position', v.position,
      'prices', coalesce((SELECT json_agg(json_build_object('currency', vp.currency, 'amount', vp.amount)
                                          ORDER BY vp.currency)
                            FROM variant_prices vp WHERE vp.tenant_id = v.tenant_id AND vp.variant_id = v.id), '[]')
    ) ORDER BY v.position)
    FROM variants v LEFT JOIN variant_availability a ON a.tenant_id = v.tenant_id AND a.variant_id = v.id
    WHERE v.tenant_id = p.tenant_id AND v.product_id = p.id), '[]'),
  'priceMin', p.price_min, 'priceMax', p.price_max, 'currency', p.currency, 'available', p.available,
  'seo', json_build_object('title', p.seo_title, 'description', p.seo_description),
  'options', to_json(p.option_names), 'rating', ${RATING},
  'createdAt', ${ISO('p.created_at')}, 'updatedAt', ${ISO('p.updated_at')}, 'version', p.version)`;

const BY_IDS = prepared(
  'catalog_documents_by_ids',
  `SELECT ${PRODUCT_DOCUMENT} AS doc FROM products p
    WHERE p.tenant_id = $1 AND p.id = ANY($2::text[]) ORDER BY p.id`,
);

export async function loadDocuments(
  tx: Queryable,
  tenantId: string,
  ids: readonly string[],
): Promise<ProductView[]> {
  if (!ids.length) return [];
  const rows = await tx.rows<{ doc: ProductView }>(BY_IDS, [tenantId, ids]);
  return rows.map((r) => r.doc);
}

export interface DocumentPageQuery {
  status?: string;
  /** Matched against title and slug (case-insensitive substring) and SKUs (exact). */
  q?: string;
  limit: number;
  after?: { createdAt: string; id: string };
}

/** The admin list: newest first, keyset on (created_at, id). */
export function listDocuments(tx: Queryable, tenantId: string, query: DocumentPageQuery) {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return tx.rows<{ doc: ProductView; created_at: Date; id: string }>(
    `SELECT ${PRODUCT_DOCUMENT} AS doc, p.created_at, p.id FROM products p
      WHERE p.tenant_id = $1
        AND ($2::text IS NULL OR p.status = $2)
        AND ($3::text IS NULL OR p.title ILIKE $3 OR p.slug ILIKE $3 OR EXISTS (
              SELECT 1 FROM variants v WHERE v.tenant_id = p.tenant_id AND v.product_id = p.id AND v.sku = $4))
        AND ($5::timestamptz IS NULL OR (p.created_at, p.id) < ($5::timestamptz, $6::text))
      ORDER BY p.created_at DESC, p.id DESC
      LIMIT $7`,
    [
      tenantId,
      query.status ?? null,
      pattern,
      query.q ?? null,
      query.after?.createdAt ?? null,
      query.after?.id ?? null,
      query.limit + 1,
    ],
  );
}

/** Every product of the tenant in id order, any status: search's reindex reads it page by page. */
export function documentsAfter(tx: Queryable, tenantId: string, afterId: string | null, limit: number) {
  return tx.rows<{ doc: ProductView; id: string }>(
    prepared(
      'catalog_documents_after',
      `SELECT ${PRODUCT_DOCUMENT} AS doc, p.id FROM products p
        WHERE p.tenant_id = $1 AND ($2::text IS NULL OR p.id > $2) ORDER BY p.id LIMIT $3`,
    ),
    [tenantId, afterId, limit + 1],
  );
}
