import { z } from 'zod';
import { limit, page, timestamp } from './common';
import { operations } from './operation';

/** Catalog's public operations: the storefront's products and taxonomy, the admin's catalog. */

export const SLUG_MAX = 100;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_AMOUNT = 2_147_483_647;
export const BULK_MAX_ITEMS = 500;

export const slugInput = z
  .string()
  .max(SLUG_MAX)
  .regex(SLUG_PATTERN, 'must be lower-case letters and digits in words joined by single hyphens');
export const idOf = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[0-9a-z]{26}$`), `is not a ${prefix}_ id`);

const cursor = z.string().min(1).max(500).optional();
export const pageQuery = z.strictObject({ limit, cursor });

export const productParams = z.strictObject({ id: idOf('prod') });
export const categoryParams = z.strictObject({ id: idOf('cat') });
export const collectionParams = z.strictObject({ id: idOf('col') });

/** Text filters: an empty value (a cleared search box) is no filter. */
const text = z.string().trim().max(100).optional();

export const adminProductQuery = z.strictObject({
  status: z.enum(['draft', 'active', 'archived']).optional(),
  q: text,
  limit,
  cursor,
});

const price = z.coerce
  .number()
  .int('must be an integer amount in minor units')
  .min(0)
  .max(MAX_AMOUNT)
  .optional();

export const storeProductQuery = z.strictObject({
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

/**
 * The product body's fields. Catalog validates with its domain schema (`productInput` and
 * `productPatch`: these fields, its currency table and the rules across variants); catalog's
 * contract test proves the two describe the same JSON.
 */
export const minorAmount = z
  .int('must be an integer amount in minor units (1999 is 19.99 USD)')
  .min(0)
  .max(MAX_AMOUNT);
const money = minorAmount;
const optionName = z.string().trim().min(1).max(50);
export const variantFields = {
  sku: z.string().trim().min(1).max(64).regex(/^\S+$/, 'must not contain spaces'),
  title: z.string().trim().min(1).max(200),
  price: money,
  currency: z.string(),
  compareAtPrice: money.nullable().optional(),
  weightGrams: z.int().min(0).max(10_000_000).nullable().optional(),
  options: z.record(optionName, z.string().trim().min(1).max(100)).optional(),
  prices: z
    .array(z.strictObject({ currency: z.string(), amount: money }))
    .max(20)
    .optional(),
};
export const productFields = {
  title: z.string().trim().min(1).max(200),
  slug: slugInput.optional(),
  description: z.string().max(50_000).optional(),
  status: z.enum(['draft', 'active', 'archived']).optional(),
  categoryIds: z.array(idOf('cat')).max(50).optional(),
  collectionIds: z.array(idOf('col')).max(50).optional(),
  images: z
    .array(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000))
    .max(20)
    .optional(),
  seo: z
    .strictObject({
      title: z.string().max(200).nullable().optional(),
      description: z.string().max(500).nullable().optional(),
    })
    .optional(),
  options: z.array(optionName).max(3).optional(),
};
export const productBody = z.strictObject({
  ...productFields,
  variants: z
    .array(z.strictObject({ ...variantFields, stock: z.int().min(0).max(MAX_AMOUNT) }))
    .min(1)
    .max(100),
});
export const productPatchBody = z.strictObject({
  ...productFields,
  title: productFields.title.optional(),
  variants: z
    .array(z.strictObject({ ...variantFields, stock: z.int().min(0).max(MAX_AMOUNT).optional() }))
    .min(1)
    .max(100)
    .optional(),
});

const fieldErrors = z.array(z.object({ path: z.string(), message: z.string() }));

export const variant = z.looseObject({
  id: z.string(),
  sku: z.string(),
  title: z.string(),
  price: z.int(),
  currency: z.string(),
  compareAtPrice: z.int().nullable(),
  available: z.int(),
  options: z.record(z.string(), z.string()),
  weightGrams: z.int().nullable(),
  position: z.int(),
  prices: z.array(z.object({ currency: z.string(), amount: z.int() })),
});

export const product = z.looseObject({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(['draft', 'active', 'archived']),
  categoryIds: z.array(z.string()),
  collectionIds: z.array(z.string()),
  images: z.array(z.string()),
  priceMin: z.int(),
  priceMax: z.int(),
  currency: z.string(),
  available: z.boolean(),
  options: z.array(z.string()),
  seo: z.looseObject({ title: z.string().nullable(), description: z.string().nullable() }),
  variants: z.array(variant),
  createdAt: timestamp,
  updatedAt: timestamp,
  version: z.int(),
});

/** A product as shoppers see it in lists: the fields a card shows. */
export const productCard = z.looseObject({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  priceMin: z.int(),
  priceMax: z.int(),
  currency: z.string(),
});

/** What the storefront reads: an active product (built by the database, fields as stored). */
export const storeProduct = productCard.extend({
  /** Visible reviews' mean (null without any) and count, kept by engagement's events. */
  rating: z.looseObject({ average: z.number().nullable(), count: z.int() }).optional(),
  variants: z.array(z.looseObject({ id: z.string(), sku: z.string(), price: z.int(), currency: z.string() })),
});

export const category = z.looseObject({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  position: z.int(),
});
export type CategoryNode = z.infer<typeof category> & { children: CategoryNode[] };
export const categoryNode: z.ZodType<CategoryNode> = category.extend({
  get children() {
    return z.array(categoryNode);
  },
});

export const collection = z.looseObject({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
});

export const bulkResult = z.looseObject({
  results: z.array(
    z.looseObject({
      index: z.int(),
      status: z.enum(['created', 'updated', 'error']),
      id: z.string().optional(),
      code: z.string().optional(),
      errors: fieldErrors.optional(),
    }),
  ),
});

export const importResult = z.looseObject({
  imported: z.int(),
  failed: z.int(),
  errors: z.array(z.object({ row: z.int(), errors: fieldErrors })),
  errorsTruncated: z.boolean(),
  truncated: z.boolean(),
});

const shop = ['Shopper: catalog'];
const admin = ['Admin: catalog'];
const store = { door: 'store', auth: 'public', tags: shop } as const;
const staff = { door: 'store', auth: 'staff', tags: admin } as const;

export const catalogOperations = operations({
  storeProducts: {
    ...store,
    method: 'get',
    path: '/api/store/products',
    summary: 'Active products, filtered and sorted (cached at the gateway)',
    query: storeProductQuery,
    status: 200,
    response: page(storeProduct),
    errors: [400, 503],
  },
  storeProduct: {
    ...store,
    method: 'get',
    path: '/api/store/products/{idOrSlug}',
    summary: 'An active product by id or slug',
    params: storeProductParams,
    status: 200,
    response: storeProduct,
    errors: [400, 404, 503],
  },
  storeCategories: {
    ...store,
    method: 'get',
    path: '/api/store/categories',
    summary: 'The category tree (one document)',
    status: 200,
    response: page(categoryNode),
    errors: [503],
  },
  storeCollections: {
    ...store,
    method: 'get',
    path: '/api/store/collections',
    summary: 'Collections',
    query: pageQuery,
    status: 200,
    response: page(collection),
    errors: [400, 503],
  },
  createProduct: {
    ...staff,
    method: 'post',
    path: '/api/admin/products',
    summary: 'Create a product with its variants (active unless `status: "draft"`)',
    body: productBody,
    status: 201,
    response: product,
    errors: [400, 409],
  },
  listProducts: {
    ...staff,
    method: 'get',
    path: '/api/admin/products',
    summary: 'Products of every status',
    query: adminProductQuery,
    status: 200,
    response: page(product),
    errors: [400],
  },
  bulkProducts: {
    ...staff,
    method: 'post',
    path: '/api/admin/products/bulk',
    summary: 'Create or update many products (each answered on its own)',
    body: bulkBody,
    status: 200,
    response: bulkResult,
    errors: [400],
  },
  importProducts: {
    ...staff,
    method: 'post',
    path: '/api/admin/products/import',
    summary: 'Import products from CSV',
    body: z.string(),
    bodyType: 'text/csv',
    status: 200,
    response: importResult,
    errors: [400, 413],
  },
  exportProducts: {
    ...staff,
    method: 'get',
    path: '/api/admin/products/export.csv',
    summary: 'The whole catalog as CSV, in the import’s format (streamed)',
    status: 200,
    response: z.string(),
    responseType: 'text/csv',
    errors: [],
  },
  getProduct: {
    ...staff,
    method: 'get',
    path: '/api/admin/products/{id}',
    summary: 'A product',
    params: productParams,
    status: 200,
    response: product,
    errors: [400, 404],
  },
  updateProduct: {
    ...staff,
    method: 'patch',
    path: '/api/admin/products/{id}',
    summary: 'Change a product (`variants`, when given, replaces the set)',
    params: productParams,
    body: productPatchBody,
    status: 200,
    response: product,
    errors: [400, 404, 409],
  },
  deleteProduct: {
    ...staff,
    method: 'delete',
    path: '/api/admin/products/{id}',
    summary: 'Delete a product',
    params: productParams,
    status: 204,
    errors: [400, 404],
  },
  createCategory: {
    ...staff,
    method: 'post',
    path: '/api/admin/categories',
    summary: 'Create a category',
    body: createCategoryBody,
    status: 201,
    response: category,
    errors: [400, 404, 409],
  },
  listCategories: {
    ...staff,
    method: 'get',
    path: '/api/admin/categories',
    summary: 'Categories',
    query: pageQuery,
    status: 200,
    response: page(category),
    errors: [400],
  },
  updateCategory: {
    ...staff,
    method: 'patch',
    path: '/api/admin/categories/{id}',
    summary: 'Change a category',
    params: categoryParams,
    body: updateCategoryBody,
    status: 200,
    response: category,
    errors: [400, 404, 409],
  },
  deleteCategory: {
    ...staff,
    method: 'delete',
    path: '/api/admin/categories/{id}',
    summary: 'Delete a category',
    params: categoryParams,
    status: 204,
    errors: [400, 404, 409],
  },
  createCollection: {
    ...staff,
    method: 'post',
    path: '/api/admin/collections',
    summary: 'Create a collection',
    body: createCollectionBody,
    status: 201,
    response: collection,
    errors: [400, 409],
  },
  listCollections: {
    ...staff,
    method: 'get',
    path: '/api/admin/collections',
    summary: 'Collections',
    query: pageQuery,
    status: 200,
    response: page(collection),
    errors: [400],
  },
  updateCollection: {
    ...staff,
    method: 'patch',
    path: '/api/admin/collections/{id}',
    summary: 'Change a collection',
    params: collectionParams,
    body: updateCollectionBody,
    status: 200,
    response: collection,
    errors: [400, 404, 409],
  },
  deleteCollection: {
    ...staff,
    method: 'delete',
    path: '/api/admin/collections/{id}',
    summary: 'Delete a collection',
    params: collectionParams,
    status: 204,
    errors: [400, 404],
  },
});

export type Product = z.infer<typeof product>;
export type ProductBody = z.input<typeof productBody>;
export type Category = z.infer<typeof category>;
export type Collection = z.infer<typeof collection>;
