import type { TenantCtx } from '@fleet/context';
import { allCategories } from '../../data-access/category.repository';
import { documentsAfter } from '../../data-access/document.repository';
import type { CatalogDeps } from '../catalog-deps';
import { CSV_COLUMNS } from './csv-rows';
import { formatMajorAmount } from '../money';
import type { ProductView } from '../products/product-view';

/**
 * The import's columns less `stock` (units belong to inventory, and an import sets them only on
 * new variants): an exported file imports back unchanged.
 */
export const EXPORT_COLUMNS = CSV_COLUMNS.filter((c) => c !== 'stock');

/** Products read per transaction: memory stays bounded whatever the catalog's size. */
const PAGE = 100;

/**
 * The catalog as CSV rows (header first), one row per variant in id order; the product's fields
 * on its first row only, as the import reads them. The category is its name (the import finds a
 * category by name or slug).
 */
export async function* catalogCsvRows(ctx: TenantCtx, deps: CatalogDeps): AsyncGenerator<string[]> {
  const categories = await deps.db.readAsTenant(ctx, (tx) => allCategories(tx, ctx.tenantId));
  const nameOf = new Map(categories.map((c) => [c.id, c.name]));
  yield EXPORT_COLUMNS;
  let after: string | null = null;
  for (;;) {
    const rows = await deps.db.readAsTenant(ctx, (tx) => documentsAfter(tx, ctx.tenantId, after, PAGE));
    for (const { doc } of rows.slice(0, PAGE)) yield* productRows(doc, nameOf);
    if (rows.length <= PAGE) return;
    after = rows[PAGE - 1]!.id;
  }
}

function* productRows(p: ProductView, nameOf: Map<string, string>): Generator<string[]> {
  const category = p.categoryIds.map((id) => nameOf.get(id)).find(Boolean) ?? '';
  for (const [i, v] of p.variants.entries()) {
    const head = i === 0 ? [p.title, p.description ?? '', p.status, category] : ['', '', '', ''];
    yield [p.slug, ...head, v.sku, v.title, formatMajorAmount(v.price, v.currency), v.currency];
  }
}
