import { createApi } from '@fleet/web-common';

/** The merchant admin's one client: the store host's public API with the staff session. */
export const api = createApi('/api/admin/session');

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Variant {
  id?: string;
  sku: string;
  title: string;
  price: number;
  currency: string;
  compareAtPrice?: number | null;
  options?: Record<string, string>;
  prices?: Array<{ currency: string; amount: number }>;
  stock?: number;
}

export interface Product {
  id: string;
  slug: string;
  title: string;
  description?: string;
  status: 'draft' | 'active' | 'archived';
  images?: string[];
  categoryIds?: string[];
  collectionIds?: string[];
  options?: string[];
  variants: Variant[];
  createdAt?: string;
}

export interface Category {
  id: string;
  name: string;
  slug: string;
}

export interface OrderSummary {
  id: string;
  status: string;
  total: number;
  currency: string;
  createdAt: string;
  /** Orders paid in test mode (another issue adds the flag; missing means live). */
  test?: boolean;
  testMode?: boolean;
}

export interface OrderDetail extends OrderSummary {
  items: Array<{
    variantId?: string;
    sku: string;
    title: string;
    quantity: number;
    unitPrice: number;
    lineTotal: number;
  }>;
  subtotal: number;
  shipping: number;
  tax: number;
  refundedAmount: number;
  paidAmount: number;
  email: string;
  shippingAddress?: Record<string, string> | null;
  carrier?: string | null;
  statusReason?: string | null;
  payment: { paymentId: string; provider: string } | null;
  statusHistory: Array<{ from: string | null; to: string; reason?: string | null; at: string }>;
  saga: {
    step: string;
    status: string;
    attempts?: number;
    lastError?: string | null;
    history?: SagaEvent[];
  } | null;
}

/** One entry of the saga's stored history: a step started, retried, succeeded or compensated. */
export interface SagaEvent {
  at: string;
  step: string;
  event: string;
  attempt?: number;
  detail?: string;
}

export interface StockLevel {
  variantId: string;
  productId?: string;
  onHand: number;
  reserved: number;
  available: number;
}

export interface StoreSettings {
  name: string;
  currency: string;
  theme: { primaryColor?: string; logoUrl?: string; [key: string]: unknown };
}

export interface Rates {
  shippingFlatRate?: number;
  taxRateBps?: number;
  unpaidOrderTimeoutMinutes?: number;
}

export const isTestOrder = (o: OrderSummary): boolean => o.test === true || o.testMode === true;
