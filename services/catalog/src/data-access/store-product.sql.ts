/**
 * The storefront's product JSON, built by Postgres in the statement that finds the product (`p`)
 * and returned as text, so Node sends it without parsing or serialising it. Variants carry a
 * boolean `available` and the units in `availableQuantity`.
 */
const VARIANTS = `coalesce((SELECT json_agg(json_build_object(
    'id', v.id, 'sku', v.sku, 'title', v.title, 'price', v.price, 'currency', v.currency,
    'compareAtPrice', v.compare_at_price, 'options', v.options,
    'available', coalesce(a.available, 0) > 0, 'availableQuantity', coalesce(a.available, 0)) ORDER BY v.position)
  FROM variants v LEFT JOIN variant_availability a ON a.tenant_id = v.tenant_id AND a.variant_id = v.id
  WHERE v.tenant_id = p.tenant_id AND v.product_id = p.id), '[]')`;

const SUMMARY = `'id', p.id, 'slug', p.slug, 'title', p.title, 'images', p.images,
  'priceMin', p.price_min, 'priceMax', p.price_max, 'currency', p.currency, 'available', p.available,
  'options', to_json(p.option_names), 'variants', ${VARIANTS}`;

/** A list item: what a product card needs. */
export const STORE_ITEM = `json_build_object(${SUMMARY})::text`;

/** The product page: the card plus description, SEO, categories and collections. */
export const STORE_DETAIL = `json_build_object(${SUMMARY},
  'description', p.description,
  'seo', json_build_object('title', p.seo_title, 'description', p.seo_description),
  'categoryIds', coalesce((SELECT json_agg(l.category_id ORDER BY l.category_id) FROM product_categories l
                            WHERE l.tenant_id = p.tenant_id AND l.product_id = p.id), '[]'),
  'collectionIds', coalesce((SELECT json_agg(l.collection_id ORDER BY l.collection_id) FROM product_collections l
                              WHERE l.tenant_id = p.tenant_id AND l.product_id = p.id), '[]'))::text`;
