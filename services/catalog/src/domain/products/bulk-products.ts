import type { TenantCtx } from '@fleet/context';
import type { FieldError } from '@fleet/errors';
import type { CatalogDeps } from '../catalog-deps';
import { fieldErrors, itemFailure } from './field-errors';
import { productInput } from './product-input';
import { upsertProduct } from './upsert-product';

export { BULK_MAX_ITEMS } from '@fleet/api-contract';

export interface BulkItemResult {
  index: number;
  status: 'created' | 'updated' | 'error';
  id?: string;
  code?: string;
  errors?: FieldError[];
}

/**
 * `POST /api/admin/products/bulk`: validates every item first, then creates or updates each valid
 * one in its own transaction, in order. An item that fails (bad input, a SKU of another product)
 * is reported and changes nothing; the others are saved.
 */
export async function bulkUpsertProducts(
  ctx: TenantCtx,
  deps: CatalogDeps,
  items: readonly unknown[],
): Promise<{ results: BulkItemResult[] }> {
  const parsed = items.map((item) => productInput.safeParse(item));
  const results: BulkItemResult[] = [];
  for (const [index, item] of parsed.entries()) {
    if (!item.success) {
      results.push({
        index,
        status: 'error',
        code: 'validation_failed',
        errors: fieldErrors(item.error.issues),
      });
      continue;
    }
    try {
      const { status, product } = await upsertProduct(ctx, deps, item.data);
      results.push({ index, status, id: product.id });
    } catch (err) {
      const failure = itemFailure(err);
      if (failure.code === 'internal') deps.logger.error({ err, index }, 'bulk item failed');
      results.push({ index, status: 'error', ...failure });
    }
  }
  return { results };
}
