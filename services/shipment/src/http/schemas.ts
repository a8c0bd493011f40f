import { z } from 'zod';

/** The public operations' schemas are the contract's (@fleet/api-contract, shipments.ts). */
export {
  shipmentListQuery,
  shipmentTransitionBody,
  shippingSettingsBody,
  idParams,
} from '@fleet/api-contract';

const MAX_MONEY = Number.MAX_SAFE_INTEGER;

/** Checkout's quote request: the parcel and the store's own flat rate (which checkout holds). */
export const quoteBody = z.strictObject({
  units: z.number().int().min(1).max(1_000_000),
  subtotal: z.number().int().min(0).max(MAX_MONEY),
  currency: z.string().regex(/^[A-Z]{3}$/),
  country: z.string().regex(/^[A-Z]{2}$/),
  shippingFlatRate: z.number().int().min(0).max(MAX_MONEY),
});
