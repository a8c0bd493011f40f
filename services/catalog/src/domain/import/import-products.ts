import type { TenantCtx } from '@fleet/context';
import { isAppError } from '@fleet/errors';
import type { CatalogDeps } from '../catalog-deps';
import type { ImportReport } from './import-report';
import { CsvImportRun, type CsvRecord } from './import-run';

export type { CsvRecord } from './import-run';

export const IMPORT_MAX_ROWS = 50_000;

/**
 * `POST /api/admin/products/import`: reads the records as they stream in, writes the products in
 * batches (each product in its own transaction, created or updated by handle), and reports each
 * bad row without stopping. A syntax error in the file stops the import with a 400; products
 * completed before it stay imported, and the problem says how many rows that was.
 */
export async function importProducts(
  ctx: TenantCtx,
  deps: CatalogDeps,
  records: AsyncIterable<CsvRecord>,
  maxRows = IMPORT_MAX_ROWS,
): Promise<ImportReport> {
  const run = new CsvImportRun(ctx, deps, maxRows);
  try {
    for await (const record of records) {
      if (!(await run.take(record))) break;
    }
  } catch (err) {
    if (!isAppError(err) || err.code !== 'malformed_csv') throw err;
    throw await run.abandon(err);
  }
  return run.finish();
}
