import type { TenantCtx } from '@fleet/context';
import type { IndexedProduct } from './indexed-product';
import { toSearchDocument } from './search-document';
import type { SearchEngine } from './search-engine';

/** One page of the catalog's internal product list. */
export interface CatalogPage {
  items: IndexedProduct[];
  nextCursor: string | null;
}

export interface CatalogReader {
  listProducts(ctx: TenantCtx, page: { cursor: string | null; limit: number }): Promise<CatalogPage>;
}

/** Where a reindex is: reported after every page, and where a retried run resumes. */
export interface ReindexProgress {
  processed: number;
  pages: number;
  /** The cursor of the next page to read; null once done. */
  cursor: string | null;
  done: boolean;
}

export interface ReindexOptions {
  pageSize?: number;
  /** The progress of an earlier attempt of the same run, to resume after its last indexed page. */
  resumeFrom?: ReindexProgress;
  report(progress: ReindexProgress): Promise<void>;
  /** Checked between pages: true stops early (shutdown), returning progress with `done: false`. */
  shouldStop?: () => boolean;
}

/**
 * Pages through the tenant's whole catalog and upserts every product (drafts and archived ones
 * leave the results). Safe to retry and to run twice: each upsert is version-guarded, so a page
 * indexed again, or an event newer than the page, wins correctly.
 */
export async function reindexTenant(
  ctx: TenantCtx,
  deps: { engine: SearchEngine; catalog: CatalogReader },
  options: ReindexOptions,
): Promise<ReindexProgress> {
  const resume = options.resumeFrom && !options.resumeFrom.done ? options.resumeFrom : undefined;
  let progress: ReindexProgress = resume ?? { processed: 0, pages: 0, cursor: null, done: false };
  do {
    const page = await deps.catalog.listProducts(ctx, {
      cursor: progress.cursor,
      limit: options.pageSize ?? 200,
    });
    await deps.engine.upsert(ctx.tenantId, page.items.map(toSearchDocument));
    progress = {
      processed: progress.processed + page.items.length,
      pages: progress.pages + 1,
      cursor: page.nextCursor,
      done: page.nextCursor === null,
    };
    await options.report(progress);
  } while (!progress.done && !options.shouldStop?.());
  return progress;
}
