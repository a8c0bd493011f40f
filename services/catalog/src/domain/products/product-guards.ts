import { AppError, validationError, type FieldError } from '@fleet/errors';
import type { Queryable } from '@fleet/db';
import { unknownIds } from '../../data-access/link.repository';
import { skuOwners } from '../../data-access/variant.repository';
import { variantIssues, type VariantInput } from './product-input';

export const productNotFound = () =>
  new AppError('not_found', 'No such product in this store.', { code: 'product_not_found' });

/** Categories and collections must be this store's (foreign keys back this check up). */
export async function assertLinksExist(
  tx: Queryable,
  tenantId: string,
  input: { categoryIds?: string[]; collectionIds?: string[] },
): Promise<void> {
  const errors: FieldError[] = [];
  const check = async (kind: 'categories' | 'collections', field: string, ids: string[] = []) => {
    const unknown = new Set(await unknownIds(tx, tenantId, kind, ids));
    ids.forEach((id, i) => {
      if (unknown.has(id))
        errors.push({ path: `${field}.${i}`, message: `is not one of this store's ${kind}` });
    });
  };
  await check('categories', 'categoryIds', input.categoryIds);
  await check('collections', 'collectionIds', input.collectionIds);
  if (errors.length)
    throw new AppError('validation', 'Unknown categories or collections.', {
      code: 'validation_failed',
      errors,
    });
}

/** SKUs are unique per store: a SKU of another product is a 409 naming the variants. */
export async function assertSkusFree(
  tx: Queryable,
  tenantId: string,
  variants: readonly VariantInput[],
  productId: string | null,
): Promise<void> {
  const taken = new Set(
    (
      await skuOwners(
        tx,
        tenantId,
        variants.map((v) => v.sku),
        productId,
      )
    ).map((r) => r.sku),
  );
  if (!taken.size) return;
  throw new AppError('conflict', 'Some SKUs belong to another product of this store.', {
    code: 'sku_taken',
    errors: variants.flatMap((v, i) =>
      taken.has(v.sku) ? [{ path: `variants.${i}.sku`, message: 'is used by another product' }] : [],
    ),
  });
}

/** Variant option keys must be among the product's option names. */
export function assertVariantOptions(
  optionNames: readonly string[],
  variants: readonly VariantInput[],
): void {
  const issues = variantIssues(variants, optionNames);
  if (issues.length) throw validationError(issues, 'The variants are invalid.');
}
