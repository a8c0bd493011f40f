import type { PaymentStatus } from '@fleet/contracts';
import { prepared, type Queryable } from '@fleet/db';

import type { ProviderName } from '@fleet/payment-providers';
export interface Payment {
  id: string;
  orderId: string;
  provider: ProviderName;
  providerPaymentId: string | null;
  status: PaymentStatus;
  amount: number;
  refundedAmount: number;
  currency: string;
  email: string | null;
  clientParams: Record<string, unknown>;
  failureReason: string | null;
  version: number;
  correlationId: string | null;
  /** Made in test mode: fixed at creation, whatever the store's mode later. */
  test: boolean;
}

interface PaymentRow {
  id: string;
  order_id: string;
  provider: ProviderName;
  provider_payment_id: string | null;
  status: PaymentStatus;
  amount: string;
  refunded_amount: string;
  currency: string;
  email: string | null;
  client_params: Record<string, unknown>;
  failure_reason: string | null;
  version: number;
  correlation_id: string | null;
  test: boolean;
}

const COLUMNS = `id, order_id, provider, provider_payment_id, status, amount, refunded_amount, currency,
  email, client_params, failure_reason, version, correlation_id, test`;

export interface NewPayment {
  tenantId: string;
  id: string;
  orderId: string;
  provider: ProviderName;
  amount: number;
  currency: string;
  email: string | null;
  correlationId: string;
}

/**
 * Inserts unless the order has a payment; a concurrent insert for the order waits, then yields.
 * `test` is the store's mode read by the same statement (no `payment_mode` row: test mode), so
 * it costs no round trip (create-payment.ts refuses an offline payment that reads live).
 */
export async function insertPayment(tx: Queryable, p: NewPayment): Promise<Payment | undefined> {
  const row = await tx.maybeOne<PaymentRow>(
    prepared(
      'payment_insert',
      `INSERT INTO payments (tenant_id, id, order_id, provider, amount, currency, email, correlation_id, test)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NOT EXISTS (SELECT 1 FROM payment_mode WHERE live))
     ON CONFLICT (tenant_id, order_id) DO NOTHING
     RETURNING ${COLUMNS}`,
    ),
    [p.tenantId, p.id, p.orderId, p.provider, p.amount, p.currency, p.email, p.correlationId],
  );
  return row && toPayment(row);
}

const BY_ID = prepared('payment_by_id', `SELECT ${COLUMNS} FROM payments WHERE id = $1`);

export async function findPayment(tx: Queryable, id: string): Promise<Payment | undefined> {
  const row = await tx.maybeOne<PaymentRow>(BY_ID, [id]);
  return row && toPayment(row);
}

/** Reads and locks the payment until the transaction ends: every status change goes through it. */
export async function lockPayment(tx: Queryable, id: string): Promise<Payment | undefined> {
  const row = await tx.maybeOne<PaymentRow>(`SELECT ${COLUMNS} FROM payments WHERE id = $1 FOR UPDATE`, [id]);
  return row && toPayment(row);
}

export async function lockPaymentByProviderRef(
  tx: Queryable,
  provider: ProviderName,
  providerPaymentId: string,
): Promise<Payment | undefined> {
  const row = await tx.maybeOne<PaymentRow>(
    prepared(
      'payment_lock_by_provider_ref',
      `SELECT ${COLUMNS} FROM payments WHERE provider = $1 AND provider_payment_id = $2 FOR UPDATE`,
    ),
    [provider, providerPaymentId],
  );
  return row && toPayment(row);
}

export async function findPaymentByOrder(tx: Queryable, orderId: string): Promise<Payment | undefined> {
  const row = await tx.maybeOne<PaymentRow>(`SELECT ${COLUMNS} FROM payments WHERE order_id = $1`, [orderId]);
  return row && toPayment(row);
}

/** Records what the provider answered; the first writer wins, a later one gets undefined. */
export async function attachProviderPayment(
  tx: Queryable,
  id: string,
  started: { providerPaymentId: string; clientParams: Record<string, unknown> },
): Promise<Payment | undefined> {
  const row = await tx.maybeOne<PaymentRow>(
    prepared(
      'payment_attach_provider',
      `UPDATE payments SET provider_payment_id = $2, client_params = $3::jsonb, updated_at = now()
      WHERE id = $1 AND provider_payment_id IS NULL
      RETURNING ${COLUMNS}`,
    ),
    [id, started.providerPaymentId, JSON.stringify(started.clientParams)],
  );
  return row && toPayment(row);
}

export interface StatusChange {
  status: PaymentStatus;
  refundedAmount?: number;
  failureReason?: string;
}

/** Applies a status change and bumps the version (the events carry it). */
export async function updatePaymentStatus(tx: Queryable, id: string, change: StatusChange): Promise<Payment> {
  const row = await tx.maybeOne<PaymentRow>(
    prepared(
      'payment_update_status',
      `UPDATE payments SET status = $2, refunded_amount = COALESCE($3, refunded_amount),
            failure_reason = COALESCE($4, failure_reason), version = version + 1, updated_at = now()
      WHERE id = $1 RETURNING ${COLUMNS}`,
    ),
    [id, change.status, change.refundedAmount ?? null, change.failureReason ?? null],
  );
  if (!row) throw new Error(`Payment ${id} vanished inside its own transaction.`);
  return toPayment(row);
}

function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    orderId: row.order_id,
    provider: row.provider,
    providerPaymentId: row.provider_payment_id,
    status: row.status,
    amount: Number(row.amount),
    refundedAmount: Number(row.refunded_amount),
    currency: row.currency.trim(),
    email: row.email,
    clientParams: row.client_params,
    failureReason: row.failure_reason,
    version: row.version,
    correlationId: row.correlation_id,
    test: row.test,
  };
}
