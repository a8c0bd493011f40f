import { prepared, type Sql } from '@fleet/db';
import type { SearchQuery } from '../domain/search-engine';
import { searchTerms } from '../domain/search-terms';

export interface SearchStatement {
  sql: Sql;
  values: unknown[];
}

/** Most matches a search ranks, counts and facets (estimatedTotal stops there; see the README). */
export const MATCH_CAP = 10_000;

// $1 tenant, $2 limit, $3 offset, $4 words, $5 categories, $6 in stock, $7 price bucket.
const MATCHES = `SELECT * FROM search_matches($4::text[], $5::text[], $6::boolean, $7::text, ${MATCH_CAP})`;

const ORDER = 'score DESC, created_at DESC, product_id DESC';

const SEARCH = prepared(
  'search_documents_search',
  `WITH matched AS MATERIALIZED (${MATCHES}),
  page AS (SELECT product_id, score, created_at FROM matched ORDER BY ${ORDER} LIMIT $2 OFFSET $3)
  SELECT
    (SELECT coalesce(json_agg((jsonb_build_object('id', d.product_id, 'slug', d.slug, 'title', d.title,
        'priceMin', d.price_min, 'priceMax', d.price_max, 'currency', d.currency,
        'available', d.available, 'image', d.image) || CASE WHEN d.rating_count > 0
          THEN jsonb_build_object('rating', jsonb_build_object('average', d.rating_average, 'count', d.rating_count))
          ELSE '{}'::jsonb END) ORDER BY page.score DESC, page.created_at DESC,
        page.product_id DESC), '[]'::json)
       FROM page JOIN search_documents d ON d.tenant_id = $1 AND d.product_id = page.product_id) AS hits,
    (SELECT count(*)::int FROM matched) AS total,
    (SELECT coalesce(json_object_agg(category_id, n), '{}'::json)
       FROM (SELECT unnest(category_ids) AS category_id, count(*)::int AS n FROM matched GROUP BY 1) c
    ) AS category,
    (SELECT coalesce(json_object_agg(price_bucket, n), '{}'::json)
       FROM (SELECT price_bucket, count(*)::int AS n FROM matched GROUP BY 1) b) AS price_bucket,
    (SELECT json_build_object('in_stock', count(*) FILTER (WHERE available),
       'out_of_stock', count(*) FILTER (WHERE NOT available)) FROM matched) AS availability`,
);

/**
 * One statement answers a search: the page of hits, the match count and the three facets as
 * JSON, over one `matched` set of at most MATCH_CAP rows from the `search_matches` function
 * (migration 002: which indexes, the prefix and typo rules). Ranking: words without typos by
 * ts_rank over the title (a title match above a description-only one), misspelt words by word
 * similarity to the title, then the newest; an empty query lists the newest first. Hit details
 * are read for the page only, under row-level security.
 */
export function searchStatement(tenantId: string, query: SearchQuery): SearchStatement {
  const filters = query.filters ?? {};
  const values: unknown[] = [
    tenantId,
    query.limit,
    query.offset ?? 0,
    searchTerms(query.q),
    filters.categoryIds?.length ? filters.categoryIds : null,
    filters.available ?? null,
    filters.priceBucket ?? null,
  ];
  return { sql: SEARCH, values };
}
