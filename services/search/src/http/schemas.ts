import { z } from 'zod';
import { PRICE_BUCKET_KEYS } from '../domain/price-buckets';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Expected an id (letters, digits, - and _).');

/** `?category=a,b` or `?category=a&category=b`: any of them. */
const categories = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).filter(Boolean))
  .pipe(z.array(id).max(20));

export const searchQuery = z.strictObject({
  q: z.string().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
  category: categories.optional(),
  available: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  priceBucket: z.enum(PRICE_BUCKET_KEYS).optional(),
});

export const jobParams = z.strictObject({ jobId: id });
