import type { TenantCtx } from '@fleet/context';
import type { FieldError } from '@fleet/errors';
import type { CatalogDeps } from '../catalog-deps';
import type { CsvCategories } from './csv-categories';
import { firstCategory, productFromCsv, type CsvProduct } from './csv-grouping';
import { itemFailure } from '../products/field-errors';
import type { ImportReportBuilder } from './import-report';
import { upsertProduct } from '../products/upsert-product';

const COLUMN_OF: Record<string, string> = {
  sku: 'variant_sku',
  title: 'variant_title',
  price: 'price',
  currency: 'currency',
  stock: 'stock',
};

/** Creates or updates one product from its rows; when it fails, every one of its rows says why. */
export async function importCsvProduct(
  ctx: TenantCtx,
  deps: CatalogDeps,
  product: CsvProduct,
  categories: CsvCategories,
  report: ImportReportBuilder,
): Promise<void> {
  let errors: FieldError[];
  try {
    const built = productFromCsv(product, await categories.idFor(firstCategory(product)));
    if ('input' in built) {
      await upsertProduct(ctx, deps, built.input);
      report.succeeded(product.rows.length);
      return;
    }
    errors = built.errors;
  } catch (err) {
    const failure = itemFailure(err);
    if (failure.code === 'internal')
      deps.logger.error({ err, handle: product.handle }, 'import of a product failed');
    errors = failure.errors;
  }
  product.rows.forEach(({ row }, i) => report.failed(row, errorsOfRow(errors, i)));
}

/**
 * Errors about variant i (`variants.3.sku`) go to its row under the column's name; errors about
 * the product go to every row; a row with neither says its product was not imported.
 */
function errorsOfRow(errors: readonly FieldError[], i: number): FieldError[] {
  const own: FieldError[] = [];
  const shared: FieldError[] = [];
  for (const error of errors) {
    const match = /^variants\.(\d+)(?:\.(\w+))?/.exec(error.path);
    if (!match) shared.push(error);
    else if (Number(match[1]) === i)
      own.push({ path: COLUMN_OF[match[2] ?? ''] ?? error.path, message: error.message });
  }
  const mine = [...own, ...shared];
  return mine.length
    ? mine
    : [{ path: 'handle', message: 'the product was not imported because of other rows' }];
}
