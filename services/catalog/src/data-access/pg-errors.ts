import { AppError } from '@fleet/errors';

interface PgError {
  code?: string;
  constraint?: string;
}

/** Unique and foreign-key violations that a concurrent request can still cause after our checks. */
const CONSTRAINTS: Record<string, () => AppError> = {
  products_slug_unique: () =>
    new AppError('conflict', 'Another product has this slug.', {
      code: 'slug_taken',
      errors: [{ path: 'slug', message: 'is taken by another product' }],
    }),
  variants_sku_unique: () =>
    new AppError('conflict', 'Another product has one of these SKUs.', {
      code: 'sku_taken',
      errors: [{ path: 'variants', message: 'a SKU is taken by another product' }],
    }),
  categories_slug_unique: () =>
    new AppError('conflict', 'Another category has this slug.', {
      code: 'slug_taken',
      errors: [{ path: 'slug', message: 'is taken by another category' }],
    }),
  collections_slug_unique: () =>
    new AppError('conflict', 'Another collection has this slug.', {
      code: 'slug_taken',
      errors: [{ path: 'slug', message: 'is taken by another collection' }],
    }),
  product_categories_target_fk: () =>
    new AppError('conflict', 'A category was removed meanwhile; retry.', { code: 'category_not_found' }),
  product_collections_target_fk: () =>
    new AppError('conflict', 'A collection was removed meanwhile; retry.', { code: 'collection_not_found' }),
  categories_parent_fk: () =>
    new AppError('conflict', 'The category has subcategories or its parent was removed.', {
      code: 'category_tree_conflict',
    }),
};

/** Maps a constraint violation to its AppError; rethrows anything else unchanged. */
export function rethrowConstraint(err: unknown): never {
  const pg = err as PgError;
  const known = (pg.code === '23505' || pg.code === '23503') && pg.constraint && CONSTRAINTS[pg.constraint];
  if (known) throw known();
  throw err;
}
