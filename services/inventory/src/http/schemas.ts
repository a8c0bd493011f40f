import { z } from 'zod';

import { externalId } from '@fleet/api-contract';

/** The public operations' schemas are the contract's (@fleet/api-contract, orders.ts). */
export {
  externalId,
  MAX_ON_HAND,
  setStockBody,
  stockListQuery as listQuery,
  variantParams,
} from '@fleet/api-contract';

export const MAX_QUANTITY = 1_000_000;

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
