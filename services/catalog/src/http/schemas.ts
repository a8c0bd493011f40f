import { z } from 'zod';

/** The public operations' schemas are the contract's (@fleet/api-contract, catalog.ts). */
export {
  adminProductQuery as adminListQuery,
  bulkBody,
  categoryParams,
  collectionParams,
  createCategoryBody,
  createCollectionBody,
  pageQuery,
  productParams,
  storeProductParams,
  storeProductQuery as storeListQuery,
  updateCategoryBody,
  updateCollectionBody,
} from '@fleet/api-contract';

export const cursor = z.string().min(1).max(500).optional();

export const internalListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor,
});
