import type { TenantCtx } from '@fleet/context';
import { AppError, isAppError } from '@fleet/errors';
import type { CatalogDeps } from './catalog-deps';
import { CsvCategories } from './csv-categories';
import { CsvGrouper, type CsvProduct } from './csv-grouping';
import { parseRow, readHeader, type CsvHeader } from './csv-rows';
import { importCsvProduct } from './import-csv-product';
import { ImportReportBuilder, type ImportReport } from './import-report';

export const IMPORT_MAX_ROWS = 50_000;
/** Products held before they are written: with one product per group, memory stays bounded. */
const BATCH_PRODUCTS = 50;

/** One parsed CSV record and its row number (the header is row 1). */
export interface CsvRecord {
  fields: string[];
  row: number;
}

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
  const report = new ImportReportBuilder();
  const categories = new CsvCategories(ctx, deps);
  const grouper = new CsvGrouper();
  let header: CsvHeader | undefined;
  let batch: CsvProduct[] = [];
  const flush = async () => {
    for (const product of batch) await importCsvProduct(ctx, deps, product, categories, report);
    batch = [];
  };
  try {
    for await (const { fields, row } of records) {
      if (!header) {
        header = readHeader(fields);
        continue;
      }
      if (row > maxRows + 1) {
        report.stoppedAt(row, maxRows);
        break;
      }
      const parsed = parseRow(header, fields, row);
      const added = parsed.ok ? grouper.add(parsed.value) : { errors: parsed.errors };
      if (added.errors) report.failed(row, added.errors);
      if (added.completed) batch.push(added.completed);
      if (batch.length >= BATCH_PRODUCTS) await flush();
    }
  } catch (err) {
    if (!isAppError(err) || err.code !== 'malformed_csv') throw err;
    await flush();
    const counts = `${report.imported} rows before it were imported`;
    throw new AppError('validation', `${err.message} ${counts}.`, { code: err.code, errors: err.errors });
  }
  if (!header) throw new AppError('validation', 'The CSV is empty: it needs a header row.', { code: 'invalid_csv_header' });
  const last = grouper.finish();
  if (last) batch.push(last);
  await flush();
  return report.result();
}
