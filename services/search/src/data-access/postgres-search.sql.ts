import { prepared, type Sql } from '@fleet/db';
import type { SearchQuery } from '../domain/search-engine';
import { searchTerms } from '../domain/search-terms';

export interface SearchStatement {
  sql: Sql;
  values: unknown[];
}

/** Words this long may carry one typo (Meilisearch's default `minWordSizeForTypos.oneTypo`). */
export const MIN_TYPO_WORD_LENGTH = 5;
/** Most matches a search ranks, counts and facets (see the README: estimatedTotal is capped). */
export const MATCH_CAP = 10_000;

const HIT = `json_build_object('id', d.product_id, 'slug', d.slug, 'title', d.title, 'priceMin', d.price_min,
  'priceMax', d.price_max, 'currency', d.currency, 'available', d.available, 'image', d.image)`;

/**
 * One statement answers a search: the page of hits, the match count and the three facets, as
 * JSON, over one `matched` set of at most MATCH_CAP rows. Every query word must match, through
 * the GIN indexes only: as a prefix of a word of `doc_tsv`, or (words of 5+ letters) as a one-typo
 * neighbour of a title word (pg_trgm's `%>`; threshold in migration 001). Rows matching every
 * word without a typo rank first (by ts_rank: title above description), then typo matches (by
 * word similarity to the title), then the newest. An empty query lists the newest first, from
 * the btree index. Hit details are read for the page only.
 *
 * The text differs per query shape (which words may have typos, which filters), so each shape is
 * its own named statement whose plan uses the right indexes.
 */
export function searchStatement(tenantId: string, query: SearchQuery): SearchStatement {
  const values: unknown[] = [tenantId];
  const param = (value: unknown): string => `$${values.push(value)}`;
  const terms = searchTerms(query.q);
  const shape: string[] = [terms.length ? 'q' : 'all'];
  const where = ['tenant_id = $1', "status = 'active'"];
  for (const term of terms) {
    const prefix = `doc_tsv @@ to_tsquery('simple', ${param(`${term}:*`)})`;
    const typo = term.length >= MIN_TYPO_WORD_LENGTH;
    shape.push(typo ? 't' : 'p');
    where.push(typo ? `(${prefix} OR title %> ${param(term)})` : prefix);
  }
  let score = '0::real';
  const order = (alias = ''): string =>
    `${terms.length ? `${alias}score DESC, ` : ''}${alias}created_at DESC, ${alias}product_id DESC`;
  if (terms.length) {
    const every = param(terms.map((term) => `${term}:*`).join(' & '));
    const any = param(terms.map((term) => `${term}:*`).join(' | '));
    score = `CASE WHEN doc_tsv @@ to_tsquery('simple', ${every})
      THEN 1 + ts_rank(doc_tsv, to_tsquery('simple', ${any}))
      ELSE word_similarity(${param(terms.join(' '))}, title) END`;
  }
  const filters = query.filters ?? {};
  if (filters.categoryIds?.length) {
    shape.push('c');
    where.push(`category_ids && ${param(filters.categoryIds)}::text[]`);
  }
  if (filters.available !== undefined) {
    shape.push('a');
    where.push(`available = ${param(filters.available)}`);
  }
  if (filters.priceBucket !== undefined) {
    shape.push('b');
    where.push(`price_bucket = ${param(filters.priceBucket)}`);
  }
  const page = `LIMIT ${param(query.limit)} OFFSET ${param(query.offset ?? 0)}`;
  const text = `
    WITH matched AS MATERIALIZED (
      SELECT product_id, category_ids, price_bucket, available, created_at, ${score} AS score
      FROM search_documents
      WHERE ${where.join(' AND ')}
      ${terms.length ? '' : `ORDER BY ${order()}`} LIMIT ${MATCH_CAP}
    ), page AS (
      SELECT product_id, score, created_at FROM matched ORDER BY ${order()} ${page}
    )
    SELECT
      (SELECT coalesce(json_agg(${HIT} ORDER BY ${order('page.')}), '[]'::json)
         FROM page JOIN search_documents d ON d.tenant_id = $1 AND d.product_id = page.product_id) AS hits,
      (SELECT count(*)::int FROM matched) AS total,
      (SELECT coalesce(json_object_agg(category_id, n), '{}'::json)
         FROM (SELECT unnest(category_ids) AS category_id, count(*)::int AS n FROM matched GROUP BY 1) c
      ) AS category,
      (SELECT coalesce(json_object_agg(price_bucket, n), '{}'::json)
         FROM (SELECT price_bucket, count(*)::int AS n FROM matched GROUP BY 1) b
      ) AS price_bucket,
      (SELECT json_build_object('in_stock', count(*) FILTER (WHERE available),
                                'out_of_stock', count(*) FILTER (WHERE NOT available)) FROM matched
      ) AS availability`;
  return { sql: prepared(`search_documents_${shape.join('_')}`, text), values };
}
