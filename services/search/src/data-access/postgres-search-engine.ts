import { prepared, type Db, type Queryable } from '@fleet/db';
import { priceBucketOf } from '../domain/price-buckets';
import { newestPerProduct, toHit } from '../domain/search-document';
import type { Availability, SearchEngine, SearchHit, WriteOptions } from '../domain/search-engine';
import { completeFacets } from '../domain/search-facets';
import { searchStatement } from './postgres-search.sql';
import { tenantCtx } from './tenant-ctx';

// Newer versions replace the row; draft and archived rows stay as version markers (not searchable).
const UPSERT = prepared(
  'search_documents_upsert',
  `INSERT INTO search_documents AS d (tenant_id, product_id, version, status, slug, title, description,
     category_ids, price_min, price_max, price_bucket, currency, available, image, created_at, rating_average,
     rating_count)
   SELECT $1, r.id, r.version, r.status, r.slug, r.title, r.description, r.category_ids, r.price_min,
     r.price_max, r.price_bucket, r.currency, r.available, r.image, r.created_at, r.rating_average,
     coalesce(r.rating_count, 0)
   FROM jsonb_to_recordset($2::jsonb) AS r(id text, version int, status text, slug text, title text,
     description text, category_ids text[], price_min bigint, price_max bigint, price_bucket text,
     currency text, available boolean, image text, created_at timestamptz, rating_average numeric,
     rating_count int)
   ON CONFLICT (tenant_id, product_id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
     slug = EXCLUDED.slug, title = EXCLUDED.title, description = EXCLUDED.description,
     category_ids = EXCLUDED.category_ids, price_min = EXCLUDED.price_min, price_max = EXCLUDED.price_max,
     price_bucket = EXCLUDED.price_bucket, currency = EXCLUDED.currency, available = EXCLUDED.available,
     image = EXCLUDED.image, created_at = EXCLUDED.created_at, rating_average = EXCLUDED.rating_average,
     rating_count = EXCLUDED.rating_count, indexed_at = now()
   WHERE d.version < EXCLUDED.version`,
);

// A tombstone keeps the version; deletion wins a tie with an update of the same version.
const REMOVE = prepared(
  'search_documents_remove',
  `INSERT INTO search_documents AS d (tenant_id, product_id, version, status) VALUES ($1, $2, $3, 'deleted')
   ON CONFLICT (tenant_id, product_id) DO UPDATE SET version = EXCLUDED.version, status = 'deleted',
     slug = '', title = '', description = '', category_ids = '{}', image = NULL, indexed_at = now()
   WHERE d.version <= EXCLUDED.version`,
);

interface SearchRow {
  hits: SearchHit[];
  total: number;
  category: Record<string, number>;
  price_bucket: Record<string, number>;
  availability: Record<Availability, number>;
}

/**
 * The embedded engine: PostgreSQL full-text search plus pg_trgm typo tolerance in the service's
 * own database, under row-level security like every tenant-owned table.
 */
export function createPostgresSearchEngine(db: Db): SearchEngine {
  const write = <T>(
    tenantId: string,
    options: WriteOptions | undefined,
    fn: (tx: Queryable) => Promise<T>,
  ) => (options?.tx ? fn(options.tx) : db.withTenant(tenantCtx(tenantId), fn));

  return {
    name: 'postgres',
    async upsert(tenantId, docs, options) {
      if (!docs.length) return;
      const rows = newestPerProduct(docs).map((doc) => ({
        id: doc.id,
        version: doc.version,
        status: doc.status,
        slug: doc.slug,
        title: doc.title,
        description: doc.description,
        category_ids: doc.categoryIds,
        price_min: doc.priceMin,
        price_max: doc.priceMax,
        price_bucket: priceBucketOf(doc.priceMin),
        currency: doc.currency,
        available: doc.available,
        image: doc.image ?? null,
        created_at: doc.createdAt,
        rating_average: doc.rating?.average ?? null,
        rating_count: doc.rating?.count ?? 0,
      }));
      await write(tenantId, options, (tx) => tx.query(UPSERT, [tenantId, JSON.stringify(rows)]));
    },
    async remove(tenantId, productId, version, options) {
      await write(tenantId, options, (tx) => tx.query(REMOVE, [tenantId, productId, version]));
    },
    async search(tenantId, query) {
      const { sql, values } = searchStatement(tenantId, query);
      const row = await db.readAsTenant(tenantCtx(tenantId), (tx) => tx.maybeOne<SearchRow>(sql, values));
      if (!row) throw new Error('the search statement returned no row');
      return {
        hits: row.hits.map(toHit),
        facets: completeFacets({
          category: row.category,
          priceBucket: row.price_bucket,
          availability: row.availability,
        }),
        estimatedTotal: row.total,
      };
    },
    async clearTenant(tenantId) {
      await db.withTenant(tenantCtx(tenantId), (tx) =>
        tx.query('DELETE FROM search_documents WHERE tenant_id = $1', [tenantId]),
      );
    },
    ping: () => db.ping(),
  };
}
