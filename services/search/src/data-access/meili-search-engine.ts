import type { EnqueuedTaskPromise } from 'meilisearch' with { 'resolution-mode': 'import' };
import { assertTenantId, type Db, type Queryable } from '@fleet/db';
import { isSearchable, newestPerProduct, toHit } from '../domain/search-document';
import type { SearchEngine, SearchHit, WriteOptions } from '../domain/search-engine';
import { completeFacets } from '../domain/search-facets';
import { advanceVersions, forgetVersions } from './indexed-versions.repository';
import { FACETS, HIT_ATTRIBUTES, INDEX_SETTINGS, meiliFilter, toMeiliDocument } from './meili-documents';
import { tenantCtx } from './tenant-ctx';

export interface MeiliEngineOptions {
  url: string;
  apiKey?: string;
  /** Index uids are `${indexPrefix}products_${tenantId}` (letters, digits, `-` and `_` only). */
  indexPrefix: string;
  /** The search service's database: it keeps the last version sent per product. */
  db: Db;
  /**
   * Wait until Meilisearch has applied each write (tests, to read their own writes). Without it,
   * writes are enqueued in order and applied asynchronously (Meilisearch keeps enqueue order).
   */
  waitForTasks?: boolean;
}

const MAX_PREPARED = 10_000;

/**
 * Meilisearch with one index per tenant (see the README for why). Meilisearch has no conditional
 * write, so versions are checked in Postgres first: `indexed_versions` keeps the last version
 * sent per product, and a document goes to Meilisearch only if its version advanced there. The
 * Meilisearch call is enqueued inside that transaction, while it holds the product's row lock,
 * so writes of one product reach Meilisearch's queue in version order.
 *
 * `meilisearch` is ESM-only for TypeScript's CommonJS output, hence the dynamic import.
 */
export async function createMeiliSearchEngine(options: MeiliEngineOptions): Promise<SearchEngine> {
  const { MeiliSearch, MeiliSearchApiError } = await import('meilisearch');
  const client = new MeiliSearch({ host: options.url, apiKey: options.apiKey });
  const notFound = (err: unknown): boolean =>
    err instanceof MeiliSearchApiError && err.cause?.code === 'index_not_found';
  const prepared = new Set<string>();
  const uidOf = (tenantId: string): string => `${options.indexPrefix}products_${assertTenantId(tenantId)}`;

  /** Enqueues a write; with `waitForTasks`, waits until applied. `tolerate`: an error code that is fine. */
  async function settle(task: EnqueuedTaskPromise, tolerate?: string): Promise<void> {
    if (!options.waitForTasks) return void (await task);
    const done = await task.waitTask({ timeout: 60_000 });
    if (done.status === 'succeeded' || (tolerate && done.error?.code === tolerate)) return;
    throw new Error(
      `Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? ''}`,
    );
  }

  /** The first write to an index in this process creates it (or finds it) and states its settings. */
  async function indexFor(tenantId: string) {
    const uid = uidOf(tenantId);
    const index = client.index(uid);
    if (!prepared.has(uid)) {
      await settle(client.createIndex(uid, { primaryKey: 'id' }), 'index_already_exists');
      await settle(index.updateSettings(INDEX_SETTINGS));
      if (prepared.size >= MAX_PREPARED) prepared.clear();
      prepared.add(uid);
    }
    return index;
  }

  const inTenant = (
    tenantId: string,
    opts: WriteOptions | undefined,
    fn: (tx: Queryable) => Promise<void>,
  ) => (opts?.tx ? fn(opts.tx) : options.db.withTenant(tenantCtx(tenantId), fn));

  return {
    name: 'meilisearch',
    async upsert(tenantId, docs, opts) {
      const batch = newestPerProduct(docs);
      if (!batch.length) return;
      await inTenant(tenantId, opts, async (tx) => {
        const marks = batch.map((doc) => ({ productId: doc.id, version: doc.version, deleted: false }));
        const advanced = await advanceVersions(tx, tenantId, marks);
        const changed = batch.filter((doc) => advanced.has(doc.id));
        const live = changed.filter(isSearchable).map(toMeiliDocument);
        const gone = changed.filter((doc) => !isSearchable(doc)).map((doc) => doc.id);
        if (!live.length && !gone.length) return;
        const index = await indexFor(tenantId);
        if (live.length) await settle(index.addDocuments(live, { primaryKey: 'id' }));
        if (gone.length) await settle(index.deleteDocuments(gone));
      });
    },
    async remove(tenantId, productId, version, opts) {
      await inTenant(tenantId, opts, async (tx) => {
        const advanced = await advanceVersions(tx, tenantId, [{ productId, version, deleted: true }]);
        if (advanced.has(productId)) await settle((await indexFor(tenantId)).deleteDocument(productId));
      });
    },
    async search(tenantId, query) {
      try {
        const response = await client.index(uidOf(tenantId)).search(query.q || null, {
          limit: query.limit,
          offset: query.offset ?? 0,
          filter: meiliFilter(query.filters),
          facets: FACETS,
          matchingStrategy: 'all',
          sort: query.q.trim() ? undefined : ['createdAt:desc'],
          attributesToRetrieve: HIT_ATTRIBUTES,
        });
        const facets = response.facetDistribution ?? {};
        return {
          hits: response.hits.map((hit) => toHit(hit as SearchHit)),
          facets: completeFacets({
            category: facets.categoryIds,
            priceBucket: facets.priceBucket,
            availability: facets.availability,
          }),
          estimatedTotal: response.estimatedTotalHits ?? response.hits.length,
        };
      } catch (err) {
        if (notFound(err)) return { hits: [], facets: completeFacets({}), estimatedTotal: 0 };
        throw err;
      }
    },
    async clearTenant(tenantId) {
      const uid = uidOf(tenantId);
      prepared.delete(uid);
      await options.db.withTenant(tenantCtx(tenantId), (tx) => forgetVersions(tx, tenantId));
      await settle(client.deleteIndex(uid), 'index_not_found');
    },
    async ping() {
      await client.health();
    },
  };
}
