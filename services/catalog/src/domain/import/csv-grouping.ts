import type { FieldError } from '@fleet/errors';
import type { CsvRow } from './csv-rows';
import { fieldErrors } from '../products/field-errors';
import { productInput, type ProductInput } from '../products/product-input';

/** The rows of one handle: the variants of one product. */
export interface CsvProduct {
  handle: string;
  rows: CsvRow[];
}

/**
 * Groups consecutive rows with the same handle into products. Only the current product is held in
 * memory, plus the handles already seen (so a handle that comes back later is refused, not merged).
 */
export class CsvGrouper {
  private current: CsvProduct | undefined;
  private readonly seen = new Set<string>();

  /** Adds a valid row; returns the product that the row completed, or why the row is refused. */
  add(row: CsvRow): { completed?: CsvProduct; errors?: FieldError[] } {
    const current = this.current;
    if (current?.handle === row.handle) return { errors: this.addVariant(current, row) };
    if (this.seen.has(row.handle)) {
      return { errors: [{ path: 'handle', message: `rows of "${row.handle}" must be next to each other` }] };
    }
    this.seen.add(row.handle);
    this.current = { handle: row.handle, rows: [row] };
    return { completed: current };
  }

  /** The last product, at the end of the file. */
  finish(): CsvProduct | undefined {
    const last = this.current;
    this.current = undefined;
    return last;
  }

  private addVariant(product: CsvProduct, row: CsvRow): FieldError[] | undefined {
    const first = product.rows[0] as CsvRow;
    if (product.rows.some((r) => r.sku === row.sku))
      return [{ path: 'variant_sku', message: 'is repeated in this product' }];
    if (row.currency !== first.currency)
      return [{ path: 'currency', message: `must be ${first.currency}, like row ${first.row}` }];
    product.rows.push(row);
    return undefined;
  }
}

/** The product fields come from the first row of the product that has them. */
export function productFromCsv(
  product: CsvProduct,
  categoryId: string | undefined,
): { input: ProductInput } | { errors: FieldError[] } {
  const first = (pick: (r: CsvRow) => string) => product.rows.map(pick).find((v) => v !== '') ?? '';
  const title = first((r) => r.title);
  if (!title) return { errors: [{ path: 'title', message: 'is required on the first row of a product' }] };
  const single = product.rows.length === 1;
  const parsed = productInput.safeParse({
    slug: product.handle,
    title,
    description: first((r) => r.description),
    status: product.rows.find((r) => r.status)?.status,
    categoryIds: categoryId ? [categoryId] : [],
    variants: product.rows.map((r) => ({
      sku: r.sku,
      title: r.variantTitle || (single ? 'Default' : r.sku),
      price: r.price,
      currency: r.currency,
      stock: r.stock,
    })),
  });
  return parsed.success ? { input: parsed.data } : { errors: fieldErrors(parsed.error.issues) };
}

export function firstCategory(product: CsvProduct): string {
  return product.rows.map((r) => r.category).find((c) => c !== '') ?? '';
}
