import { z } from 'zod';

/** Ids from other services (order ids, variant and product ids): opaque, bounded, URL-safe. */
export const externalId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be 1-100 characters of letters, digits, _ and -');

export const MAX_QUANTITY = 1_000_000;
export const MAX_ON_HAND = 1_000_000_000;

export const reserveBody = z.strictObject({
  reservationId: externalId,
  items: z
    .array(
      z.strictObject({
        variantId: externalId,
        quantity: z.number().int().min(1).max(MAX_QUANTITY),
      }),
    )
    .min(1)
    .max(250),
  expiresAt: z.iso.datetime({ offset: true }),
});

export const reservationParams = z.strictObject({ id: externalId });

export const stockQuery = z.strictObject({
  variantIds: z
    .string()
    .transform((value) => value.split(','))
    .pipe(z.array(externalId).min(1).max(250)),
});

export const variantParams = z.strictObject({ variantId: externalId });

export const setStockBody = z.strictObject({
  onHand: z.number().int().min(0).max(MAX_ON_HAND),
  productId: externalId.optional(),
});

export const listQuery = z.strictObject({
  lowStock: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  threshold: z.coerce.number().int().min(0).max(MAX_ON_HAND).default(5),
  productId: externalId.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional(),
});
