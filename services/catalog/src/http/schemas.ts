import { z } from 'zod';
import { BULK_MAX_ITEMS } from '../domain/products/bulk-products';
import { idOf, slugInput } from '../domain/products/product-input';

export const limit = z.coerce.number().int().min(1).max(100).default(20);
export const cursor = z.string().min(1).max(500).optional();
export const pageQuery = z.strictObject({ limit, cursor });

export const productParams = z.strictObject({ id: idOf('prod') });
export const categoryParams = z.strictObject({ id: idOf('cat') });
export const collectionParams = z.strictObject({ id: idOf('col') });

/** Text filters: an empty value (a cleared search box) is no filter. */
const text = z.string().trim().max(100).optional();

export const adminListQuery = z.strictObject({
  status: z.enum(['draft', 'active', 'archived']).optional(),
  q: text,
  limit,
  cursor,
});

const price = z.coerce
  .number()
  .int('must be an integer amount in minor units')
  .min(0)
  .max(2_147_483_647)
  .optional();

export const storeListQuery = z.strictObject({
  q: text,
  category: text,
  collection: text,
  minPrice: price,
  maxPrice: price,
  available: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(['newest', 'price_asc', 'price_desc']).default('newest'),
  limit,
  cursor,
});

export const storeProductParams = z.strictObject({ idOrSlug: z.string().min(1).max(200) });

export const internalListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor,
});

const categoryFields = {
  name: z.string().trim().min(1).max(100),
  slug: slugInput.optional(),
  parentId: idOf('cat').nullable().optional(),
  position: z.int().min(0).max(1_000_000).optional(),
};
export const createCategoryBody = z.strictObject(categoryFields);
export const updateCategoryBody = z
  .strictObject({ ...categoryFields, name: categoryFields.name.optional() })
  .refine((b) => Object.keys(b).length > 0, 'at least one field is required');

const collectionFields = {
  title: z.string().trim().min(1).max(200),
  slug: slugInput.optional(),
  description: z.string().max(10_000).optional(),
};
export const createCollectionBody = z.strictObject(collectionFields);
export const updateCollectionBody = z
  .strictObject({ ...collectionFields, title: collectionFields.title.optional() })
  .refine((b) => Object.keys(b).length > 0, 'at least one field is required');

export const bulkBody = z.strictObject({ products: z.array(z.unknown()).min(1).max(BULK_MAX_ITEMS) });
