/**
 * The order service's internal API, called by checkout once the cart, address and totals are
 * valid. `checkoutId` makes the call idempotent: the saga is keyed by it, so a retried checkout
 * resumes the same order instead of creating a second one.
 */
/** One line of an order: the variant, what it was called and cost at checkout, how many. */
export interface OrderLine {
  variantId: string;
  productId: string;
  sku: string;
  title: string;
  unitPrice: number;
  quantity: number;
}

export interface CreateOrderRequest {
  checkoutId: string;
  email: string;
  customerId: string | null;
  currency: string;
  items: OrderLine[];
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  shippingAddress: ShippingAddress;
}

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
  phone?: string;
}

export type OrderStatus =
  | 'PENDING'
  | 'PLACED'
  | 'FULFILLED'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'CANCEL_REQUESTED'
  | 'CANCELLED'
  | 'REJECTED'
  | 'RETURNED'
  /** Some delivered units came back and were refunded, not all. */
  | 'PARTIALLY_RETURNED';

/** What checkout returns to the shopper (API.md `POST /api/store/checkout`). */
export interface CreateOrderResponse {
  orderId: string;
  orderToken: string;
  status: OrderStatus;
  total: number;
  currency: string;
  payment: { provider: string; paymentId: string; clientParams: Record<string, unknown> };
}

export const ORDER_EVENTS = {
  created: 'order.created',
  placed: 'order.placed',
  cancelRequested: 'order.cancel_requested',
  cancelled: 'order.cancelled',
  rejected: 'order.rejected',
  fulfilled: 'order.fulfilled',
} as const;

/** A return's events (order service), through its outbox. */
export const RETURN_EVENTS = {
  requested: 'order.return_requested',
  accepted: 'order.return_accepted',
  rejected: 'order.return_rejected',
  received: 'order.return_received',
  refunded: 'order.return_refunded',
} as const;

export type ReturnStatus = 'REQUESTED' | 'ACCEPTED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED';

export interface ReturnEventData {
  returnId: string;
  orderId: string;
  email: string;
  customerId: string | null;
  status: ReturnStatus;
  lines: Array<{ variantId: string; productId: string; quantity: number }>;
  /** Minor units: set once the merchant received the parcel (what the refund will be). */
  refundAmount: number | null;
  /** Set on receipt: whether the units went back on the shelf. */
  restock: boolean | null;
  currency: string;
}

/** Store rates checkout needs, served by the registry (`GET /internal/store-rates`, tenant ctx). */
export interface StoreRates {
  currency: string;
  /** Flat shipping per order, minor units. */
  shippingFlatRate: number;
  /** Tax in basis points of the subtotal (e.g. 825 = 8.25%), rounded half up to minor units. */
  taxRateBps: number;
  /** Unpaid orders expire (and release stock) after this many minutes. */
  unpaidOrderTimeoutMinutes: number;
}
