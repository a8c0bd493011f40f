import { createApi } from '@fleet/web-common';

/** The merchant admin's one client: the store host's public API with the staff session. */
export const api = createApi('/api/admin/session');

/**
 * The API's types come from the contract the routes validate with (`@fleet/api-contract`, z.infer
 * of the same zod schemas): type-only imports, so no zod ships to the browser.
 */
export type {
  AdminReview,
  Category,
  Collection,
  MerchantOrder as OrderDetail,
  OrderSummary,
  Product,
  SagaEvent,
  StockLevel,
  StoreInfo as StoreSettings,
  ThemeFont,
} from '@fleet/api-contract';
import type { OrderSummary, ProductBody, StoreRates } from '@fleet/api-contract';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A variant as the product form sends it (`id` kept to match an existing one). */
export type Variant = ProductBody['variants'][number] & { id?: string };

/** The rates as read: `{}` before the merchant sets any. */
export type Rates = Partial<StoreRates>;

export const isTestOrder = (o: OrderSummary): boolean => o.test === true;
