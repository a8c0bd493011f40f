import { Router, type Response } from 'express';
import type { CatalogDeps } from '../domain/catalog-deps';
import { catalogCsvRows } from '../domain/import/export-csv';
import { guard, staffCtx } from './guards';

const PATH = '/api/admin/products/export.csv';

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
const csvField = (value: string): string =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/**
 * `GET /api/admin/products/export.csv`: the whole catalog in the import's format, streamed a page
 * of products at a time (the response's backpressure sets the pace). Mounted before the product
 * routes, whose `/:id` would otherwise take `export.csv` for an id.
 */
export function adminExportRoutes(deps: CatalogDeps): Router {
  const router = Router();
  router.use(PATH, guard(staffCtx));
  router.get(PATH, async (_req, res) => {
    const rows = catalogCsvRows(staffCtx(res), deps);
    // The first row is read before the headers go, so a failure there is still a problem+json.
    const header = await rows.next();
    res.status(200);
    res.type('text/csv; charset=utf-8');
    res.attachment('products.csv');
    res.set('cache-control', 'no-store');
    try {
      if (!header.done) res.write(`${header.value.map(csvField).join(',')}\r\n`);
      for await (const row of rows) {
        if (res.destroyed) return;
        if (!res.write(`${row.map(csvField).join(',')}\r\n`)) await drainedOrClosed(res);
      }
      res.end();
    } catch (err) {
      // Headers are gone: cutting the connection tells the client the file is incomplete.
      deps.logger.error({ err }, 'catalog export failed mid-stream');
      res.destroy(err as Error);
    }
  });
  return router;
}

/** Resolves when the client can take more, or has gone (a closed response never drains). */
function drainedOrClosed(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
