import type { OrderStatus, ShippingAddress } from '@fleet/contracts';
import { prepared, type Queryable } from '@fleet/db';

export interface OrderRecord {
  id: string;
  checkoutId: string;
  requestHash: string;
  status: OrderStatus;
  statusReason: string | null;
  email: string;
  customerId: string | null;
  currency: string;
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  paidAmount: number | null;
  refundedAmount: number;
  shippingAddress: ShippingAddress;
  accessTokenHash: string;
  accessTokenNonce: string;
  paymentId: string | null;
  paymentProvider: string | null;
  paymentClientParams: Record<string, unknown> | null;
  /** A test order (its payment was made in test mode); null until the payment exists. */
  test: boolean | null;
  carrier: string | null;
  expiresAt: Date;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrderRow {
  id: string;
  checkout_id: string;
  request_hash: string;
  status: OrderStatus;
  status_reason: string | null;
  email: string;
  customer_id: string | null;
  currency: string;
  subtotal: string;
  shipping: string;
  tax: string;
  total: string;
  paid_amount: string | null;
  refunded_amount: string;
  shipping_address: ShippingAddress;
  access_token_hash: string;
  access_token_nonce: string;
  payment_id: string | null;
  payment_provider: string | null;
  payment_client_params: Record<string, unknown> | null;
  test: boolean | null;
  carrier: string | null;
  expires_at: Date;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function toOrder(row: OrderRow): OrderRecord {
  return {
    id: row.id,
    checkoutId: row.checkout_id,
    requestHash: row.request_hash,
    status: row.status,
    statusReason: row.status_reason,
    email: row.email,
    customerId: row.customer_id,
    currency: row.currency,
    subtotal: Number(row.subtotal),
    shipping: Number(row.shipping),
    tax: Number(row.tax),
    total: Number(row.total),
    paidAmount: row.paid_amount === null ? null : Number(row.paid_amount),
    refundedAmount: Number(row.refunded_amount),
    shippingAddress: row.shipping_address,
    accessTokenHash: row.access_token_hash,
    accessTokenNonce: row.access_token_nonce,
    paymentId: row.payment_id,
    paymentProvider: row.payment_provider,
    paymentClientParams: row.payment_client_params,
    test: row.test ?? null,
    carrier: row.carrier,
    expiresAt: row.expires_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewOrder {
  tenantId: string;
  id: string;
  checkoutId: string;
  requestHash: string;
  email: string;
  customerId: string | null;
  currency: string;
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  shippingAddress: ShippingAddress;
  accessTokenHash: string;
  accessTokenNonce: string;
  expiresAt: Date;
  /** At most this many unexpired PENDING orders per e-mail address in the store, this one included. */
  maxOpenPerEmail: number;
}

/**
 * Checkouts of one address in one store take turns from here to their commit (a transaction-level
 * advisory lock on the tenant and the lower-cased address). Deferred: it travels with the insert
 * that follows, in the same round trip, and the insert's snapshot is taken after the lock is held,
 * so its cap counts every order of that address committed before it.
 */
export function lockCheckoutsOf(tx: Queryable, tenantId: string, email: string): void {
  tx.defer(
    prepared(
      'order_lock_checkouts_of',
      `SELECT pg_advisory_xact_lock(hashtextextended('open-checkouts:' || $1::text || ':' || lower($2::text), 0))`,
    ),
    [tenantId, email],
  );
}

/**
 * Inserts the order PENDING, or nothing (then undefined) when this checkout already has one, or
 * when the address already has `maxOpenPerEmail` unpaid orders in the store (the caller tells
 * the two apart by looking for the checkout's order). The cap is a condition of the same
 * statement, so it costs no round trip; run after `lockCheckoutsOf`, racing checkouts of one
 * address cannot pass it together.
 */
export async function insertOrder(tx: Queryable, o: NewOrder): Promise<OrderRecord | undefined> {
  const row = await tx.maybeOne<OrderRow>(
    prepared(
      'order_insert_capped',
      `INSERT INTO orders (tenant_id, id, checkout_id, request_hash, status, email, customer_id, currency,
       subtotal, shipping, tax, total, shipping_address, access_token_hash, access_token_nonce, expires_at)
     SELECT $1::text, $2::text, $3::text, $4::text, 'PENDING', $5::text, $6::text, $7::char(3), $8::bigint,
            $9::bigint, $10::bigint, $11::bigint, $12::jsonb, $13::text, $14::text, $15::timestamptz
      WHERE (SELECT count(*) FROM orders
              WHERE tenant_id = $1::text AND lower(email) = lower($5::text) AND status = 'PENDING'
                AND expires_at > now()) < $16::int
     ON CONFLICT (tenant_id, checkout_id) DO NOTHING
     RETURNING *`,
    ),
    [
      o.tenantId,
      o.id,
      o.checkoutId,
      o.requestHash,
      o.email,
      o.customerId,
      o.currency,
      o.subtotal,
      o.shipping,
      o.tax,
      o.total,
      JSON.stringify(o.shippingAddress),
      o.accessTokenHash,
      o.accessTokenNonce,
      o.expiresAt,
      o.maxOpenPerEmail,
    ],
  );
  return row && toOrder(row);
}

const FIND = prepared('order_find', 'SELECT * FROM orders WHERE id = $1');

export async function findOrder(tx: Queryable, id: string): Promise<OrderRecord | undefined> {
  const row = await tx.maybeOne<OrderRow>(FIND, [id]);
  return row && toOrder(row);
}

export async function findOrderByCheckout(
  tx: Queryable,
  checkoutId: string,
): Promise<OrderRecord | undefined> {
  const row = await tx.maybeOne<OrderRow>('SELECT * FROM orders WHERE checkout_id = $1', [checkoutId]);
  return row && toOrder(row);
}

/**
 * Sets the status and bumps the version, deferred (it goes out with the next statement or with
 * COMMIT), and answers the row as it will read: the caller has locked it and checked the move,
 * and `at` is the transaction's `now()`.
 */
export function updateStatusLater(
  tx: Queryable,
  order: OrderRecord,
  status: OrderStatus,
  reason: string | null,
  at: Date,
): OrderRecord {
  tx.defer(
    prepared(
      'order_set_status',
      `UPDATE orders SET status = $2, status_reason = $3, version = version + 1, updated_at = now()
      WHERE id = $1`,
    ),
    [order.id, status, reason],
  );
  return { ...order, status, statusReason: reason, version: order.version + 1, updatedAt: at };
}

export interface OrderFacts {
  paymentId?: string;
  paymentProvider?: string;
  paymentClientParams?: Record<string, unknown>;
  /** The payment's test flag: written once, like the payment id. */
  test?: boolean;
  paidAmount?: number;
  refundedAmount?: number;
  carrier?: string | null;
}

/**
 * Records what the saga learned. The payment id is written once (a payment belongs to one order);
 * the refunded amount only grows (events may arrive out of order). Deferred like
 * `updateStatusLater`, answering the row as it will read (`withFacts` is the same rule in code).
 */
export function recordFactsLater(
  tx: Queryable,
  order: OrderRecord,
  facts: OrderFacts,
  at: Date,
): OrderRecord {
  tx.defer(
    prepared(
      'order_set_facts',
      `UPDATE orders SET
       payment_id = COALESCE(payment_id, $2),
       payment_provider = COALESCE(payment_provider, $3),
       payment_client_params = COALESCE(payment_client_params, $4::jsonb),
       paid_amount = COALESCE($5, paid_amount),
       refunded_amount = GREATEST(refunded_amount, COALESCE($6, 0)),
       carrier = CASE WHEN $7::boolean THEN $8 ELSE carrier END,
       test = COALESCE(test, $9::boolean),
       updated_at = now()
     WHERE id = $1`,
    ),
    [
      order.id,
      facts.paymentId ?? null,
      facts.paymentProvider ?? null,
      facts.paymentClientParams === undefined ? null : JSON.stringify(facts.paymentClientParams),
      facts.paidAmount ?? null,
      facts.refundedAmount ?? null,
      facts.carrier !== undefined,
      facts.carrier ?? null,
      facts.test ?? null,
    ],
  );
  return withFacts(order, facts, at);
}

/** The UPDATE of `recordFactsLater`, applied to the row in memory. */
export function withFacts(order: OrderRecord, facts: OrderFacts, at: Date): OrderRecord {
  return {
    ...order,
    paymentId: order.paymentId ?? facts.paymentId ?? null,
    paymentProvider: order.paymentProvider ?? facts.paymentProvider ?? null,
    paymentClientParams: order.paymentClientParams ?? facts.paymentClientParams ?? null,
    test: order.test ?? facts.test ?? null,
    paidAmount: facts.paidAmount ?? order.paidAmount,
    refundedAmount: Math.max(order.refundedAmount, facts.refundedAmount ?? 0),
    carrier: facts.carrier !== undefined ? facts.carrier : order.carrier,
    updatedAt: at,
  };
}
