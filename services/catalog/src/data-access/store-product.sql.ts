/**
 * The storefront's product JSON. Variants carry a boolean `available` and the units in
 * `availableQuantity`; `v` is a variant row and `a` its availability (outer-joined).
 */
const VARIANT = `json_build_object(
    'id', v.id, 'sku', v.sku, 'title', v.title, 'price', v.price, 'currency', v.currency,
    'compareAtPrice', v.compare_at_price, 'options', v.options,
    'available', coalesce(a.available, 0) > 0, 'availableQuantity', coalesce(a.available, 0))`;

/** The product's rating from its visible reviews (engagement's `review.summary_changed`). */
export const RATING = `json_build_object('average', p.rating_average, 'count', p.rating_count)`;

const VARIANTS_OF_P = `FROM variants v LEFT JOIN variant_availability a ON a.tenant_id = v.tenant_id AND a.variant_id = v.id
  WHERE v.tenant_id = p.tenant_id AND v.product_id = p.id`;

/**
 * Ends every change of products (`$1` tenant, `$2` ids): recomputes the denormalised price range,
 * currency, availability and storefront card from the variants, bumps the version. One aggregate
 * over the product's variants, correlated, so a product always gets exactly one new row.
 */
export const REFRESH_PRODUCTS = `
  UPDATE products p SET version = p.version + 1, updated_at = now(),
    (price_min, price_max, currency, available, store_card) = (
      SELECT coalesce(min(v.price), 0), coalesce(max(v.price), 0), coalesce(min(v.currency), p.currency),
             coalesce(bool_or(coalesce(a.available, 0) > 0), false),
             json_build_object('id', p.id, 'slug', p.slug, 'title', p.title, 'images', p.images,
               'priceMin', coalesce(min(v.price), 0), 'priceMax', coalesce(max(v.price), 0),
               'currency', coalesce(min(v.currency), p.currency),
               'available', coalesce(bool_or(coalesce(a.available, 0) > 0), false),
               'options', to_json(p.option_names), 'rating', ${RATING},
               'variants', coalesce(json_agg(${VARIANT} ORDER BY v.position), '[]'))
        ${VARIANTS_OF_P})
  WHERE p.tenant_id = $1 AND p.id = ANY($2::text[])
  RETURNING p.id, p.version`;

/** The product page, built live: the card's fields plus description, SEO, categories, collections. */
export const STORE_DETAIL = `json_build_object('id', p.id, 'slug', p.slug, 'title', p.title, 'images', p.images,
  'priceMin', p.price_min, 'priceMax', p.price_max, 'currency', p.currency, 'available', p.available,
  'options', to_json(p.option_names), 'rating', ${RATING},
  'variants', coalesce((SELECT json_agg(${VARIANT} ORDER BY v.position) ${VARIANTS_OF_P}), '[]'),
  'description', p.description,
  'seo', json_build_object('title', p.seo_title, 'description', p.seo_description),
  'categoryIds', coalesce((SELECT json_agg(l.category_id ORDER BY l.category_id) FROM product_categories l
                            WHERE l.tenant_id = p.tenant_id AND l.product_id = p.id), '[]'),
  'collectionIds', coalesce((SELECT json_agg(l.collection_id ORDER BY l.collection_id) FROM product_collections l
                              WHERE l.tenant_id = p.tenant_id AND l.product_id = p.id), '[]'))::text`;
