import type { TenantCtx } from '@fleet/context';
import type { CreateOrderRequest, StoreRates } from '@fleet/contracts';
import type { Logger } from '@fleet/logger';

/** A cart line as cart's internal API answers it (priced fresh from catalog). */
export interface CartLine {
  variantId: string;
  /** Null when the variant no longer exists (then so are title, sku, unitPrice, currency). */
  productId: string | null;
  title: string | null;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  unitPrice: number | null;
  currency: string | null;
  purchasable: boolean;
}

export interface CartSnapshot {
  id: string;
  items: CartLine[];
  currency: string | null;
  customerId: string | null;
}

export interface CartReader {
  /** Null for an unknown cart, or one bound to another customer than `customerId`. */
  get(ctx: TenantCtx, cartId: string, customerId: string | null): Promise<CartSnapshot | null>;
  /** Takes the ordered units out of the cart; a repeat for the same checkout changes nothing. */
  removeOrdered(
    ctx: TenantCtx,
    cartId: string,
    checkoutId: string,
    items: ReadonlyArray<{ variantId: string; quantity: number }>,
  ): Promise<void>;
}

export interface RatesReader {
  get(ctx: TenantCtx): Promise<StoreRates>;
}

/** What the store's carrier is asked: the parcel, and the store's own flat rate (its `flat` carrier's). */
export interface ShippingQuoteRequest {
  units: number;
  subtotal: number;
  currency: string;
  country: string;
  shippingFlatRate: number;
}

/** The shipment service: the store's carrier quotes the order's shipping, in minor units. */
export interface ShippingQuoter {
  quote(ctx: TenantCtx, request: ShippingQuoteRequest): Promise<number>;
}

/** The contract's body plus the store's unpaid-order timeout (order accepts it). */
export type OrderRequest = CreateOrderRequest & { unpaidOrderTimeoutMinutes?: number };

/** Order's answer, passed through to the shopper: status, JSON body, Retry-After seconds. */
export interface CheckoutAnswer {
  status: number;
  body: Record<string, unknown>;
  retryAfter?: number;
}

export interface OrderCreator {
  create(ctx: TenantCtx, request: OrderRequest): Promise<CheckoutAnswer>;
}

export type Claim =
  | { state: 'claimed'; savedRequest: OrderRequest | null }
  | { state: 'done'; answer: CheckoutAnswer }
  | { state: 'busy' }
  | { state: 'mismatch' };

/** Idempotency keys per tenant: the first request claims a key; its final answer is kept. */
export interface IdempotencyStore {
  claim(tenantId: string, key: string, fingerprint: string, owner: string): Promise<Claim>;
  /** Keeps the order request, so a retry after a crash sends order the very same one. */
  saveRequest(tenantId: string, key: string, request: OrderRequest): Promise<void>;
  complete(tenantId: string, key: string, owner: string, answer: CheckoutAnswer): Promise<void>;
  /** Frees the key for a retry (forgets it entirely when no order request was saved). */
  release(tenantId: string, key: string, owner: string): Promise<void>;
}

/** What the checkout use cases need; bootstrap.ts builds it from settings, tests from fixtures. */
export interface CheckoutDeps {
  carts: CartReader;
  rates: RatesReader;
  shipping: ShippingQuoter;
  orders: OrderCreator;
  idempotency: IdempotencyStore;
  logger: Logger;
  /** How long a duplicate waits for the running request. */
  waitMs: number;
  /** How often it looks. Default 50 ms. */
  pollMs?: number;
}
