import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import type { CatalogDeps } from '../catalog-deps';
import { forEachConcurrently } from './concurrently';
import { CsvCategories } from './csv-categories';
import { CsvGrouper, type CsvProduct } from './csv-grouping';
import { parseRow, readHeader, type CsvHeader } from './csv-rows';
import { importCsvProduct } from './import-csv-product';
import { ImportReportBuilder, type ImportReport } from './import-report';

/** One parsed CSV record and its row number (the header is row 1). */
export interface CsvRecord {
  fields: string[];
  row: number;
}

/** Products held before they are written: memory stays bounded whatever the file. */
const BATCH_PRODUCTS = 50;
/** Products of a batch written at once (distinct handles; each its own transaction). */
const CONCURRENCY = 4;

/** The state of one import: the header, the product being grouped, the batch, the report. */
export class CsvImportRun {
  private readonly report = new ImportReportBuilder();
  private readonly categories: CsvCategories;
  private readonly grouper = new CsvGrouper();
  private header: CsvHeader | undefined;
  private batch: CsvProduct[] = [];

  constructor(
    private readonly ctx: TenantCtx,
    private readonly deps: CatalogDeps,
    private readonly maxRows: number,
  ) {
    this.categories = new CsvCategories(ctx, deps);
  }

  /** Takes one record; false when the file is over the row limit (stop reading). */
  async take({ fields, row }: CsvRecord): Promise<boolean> {
    if (!this.header) {
      this.header = readHeader(fields);
      return true;
    }
    if (row > this.maxRows + 1) {
      this.report.stoppedAt(row, this.maxRows);
      return false;
    }
    const parsed = parseRow(this.header, fields, row);
    const added = parsed.ok ? this.grouper.add(parsed.value) : { errors: parsed.errors };
    if (added.errors) this.report.failed(row, added.errors);
    if (added.completed) this.batch.push(added.completed);
    if (this.batch.length >= BATCH_PRODUCTS) await this.flush();
    return true;
  }

  /** The end of the file: the last product is complete. */
  async finish(): Promise<ImportReport> {
    if (!this.header) {
      throw new AppError('validation', 'The CSV is empty: it needs a header row.', {
        code: 'invalid_csv_header',
      });
    }
    const last = this.grouper.finish();
    if (last) this.batch.push(last);
    await this.flush();
    return this.report.result();
  }

  /** A syntax error: products completed before it are written; the error says how many rows that was. */
  async abandon(err: AppError): Promise<AppError> {
    await this.flush();
    const detail = `${err.message} ${this.report.imported} rows before it were imported.`;
    return new AppError('validation', detail, { code: err.code, errors: err.errors });
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    await forEachConcurrently(batch, CONCURRENCY, (product) =>
      importCsvProduct(this.ctx, this.deps, product, this.categories, this.report),
    );
  }
}
