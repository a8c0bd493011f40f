import type { ProductDocument } from '@fleet/contracts';
import { z } from 'zod';

/** The fields of a catalog ProductDocument that search reads. */
export type IndexedProduct = Pick<
  ProductDocument,
  | 'id'
  | 'version'
  | 'status'
  | 'slug'
  | 'title'
  | 'description'
  | 'categoryIds'
  | 'images'
  | 'priceMin'
  | 'priceMax'
  | 'currency'
  | 'available'
  | 'rating'
  | 'createdAt'
>;

/**
 * Checks a ProductDocument from the catalog (an event or the internal API) for what search reads;
 * other fields pass through. A malformed event fails, is retried, then dead-lettered.
 */
export const indexedProductSchema = z.looseObject({
  id: z.string().min(1).max(64),
  version: z.number().int().nonnegative(),
  status: z.enum(['draft', 'active', 'archived']),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  categoryIds: z.array(z.string()),
  images: z.array(z.string()),
  priceMin: z.number().int(),
  priceMax: z.number().int(),
  currency: z.string(),
  available: z.boolean(),
  rating: z.object({ average: z.number().nullable(), count: z.int().nonnegative() }).optional(),
  createdAt: z.iso.datetime({ offset: true }),
}) satisfies z.ZodType<IndexedProduct>;
