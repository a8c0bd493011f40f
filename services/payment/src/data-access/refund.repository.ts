import type { Queryable } from '@fleet/db';

export type RefundStatus = 'pending' | 'succeeded' | 'failed';

export interface Refund {
  id: string;
  paymentId: string;
  amount: number;
  currency: string;
  status: RefundStatus;
  reason: string | null;
  idempotencyKey: string | null;
  requestHash: string;
  providerRefundId: string | null;
  createdAt: Date;
}

interface RefundRow {
  id: string;
  payment_id: string;
  amount: string;
  currency: string;
  status: RefundStatus;
  reason: string | null;
  idempotency_key: string | null;
  request_hash: string;
  provider_refund_id: string | null;
  created_at: Date;
}

const COLUMNS =
  'id, payment_id, amount, currency, status, reason, idempotency_key, request_hash, provider_refund_id, created_at';

export interface NewRefund {
  tenantId: string;
  id: string;
  paymentId: string;
  amount: number;
  currency: string;
  reason: string | null;
  idempotencyKey: string | null;
  requestHash: string;
}

/** Inserts unless the idempotency key was used before (then undefined). */
export async function insertRefund(tx: Queryable, r: NewRefund): Promise<Refund | undefined> {
  const row = await tx.maybeOne<RefundRow>(
    `INSERT INTO refunds (tenant_id, id, payment_id, amount, currency, reason, idempotency_key, request_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
     RETURNING ${COLUMNS}`,
    [r.tenantId, r.id, r.paymentId, r.amount, r.currency, r.reason, r.idempotencyKey, r.requestHash],
  );
  return row && toRefund(row);
}

export async function findRefund(tx: Queryable, id: string): Promise<Refund | undefined> {
  const row = await tx.maybeOne<RefundRow>(`SELECT ${COLUMNS} FROM refunds WHERE id = $1`, [id]);
  return row && toRefund(row);
}

export async function findRefundByKey(tx: Queryable, idempotencyKey: string): Promise<Refund | undefined> {
  const row = await tx.maybeOne<RefundRow>(`SELECT ${COLUMNS} FROM refunds WHERE idempotency_key = $1`, [
    idempotencyKey,
  ]);
  return row && toRefund(row);
}

/** Money promised back: refunds that succeeded or may still succeed. Call with the payment locked. */
export async function committedRefundTotal(tx: Queryable, paymentId: string): Promise<number> {
  const row = await tx.maybeOne<{ total: string }>(
    "SELECT COALESCE(SUM(amount), 0) AS total FROM refunds WHERE payment_id = $1 AND status <> 'failed'",
    [paymentId],
  );
  return Number(row?.total ?? 0);
}

/** Pending -> succeeded once; undefined when it was no longer pending. */
export async function markRefundSucceeded(
  tx: Queryable,
  id: string,
  providerRefundId: string | null,
): Promise<Refund | undefined> {
  const row = await tx.maybeOne<RefundRow>(
    `UPDATE refunds SET status = 'succeeded', provider_refund_id = COALESCE($2, provider_refund_id),
            updated_at = now()
      WHERE id = $1 AND status = 'pending' RETURNING ${COLUMNS}`,
    [id, providerRefundId],
  );
  return row && toRefund(row);
}

export async function recordProviderRefundId(
  tx: Queryable,
  id: string,
  providerRefundId: string,
): Promise<void> {
  await tx.query('UPDATE refunds SET provider_refund_id = $2, updated_at = now() WHERE id = $1', [
    id,
    providerRefundId,
  ]);
}

function toRefund(row: RefundRow): Refund {
  return {
    id: row.id,
    paymentId: row.payment_id,
    amount: Number(row.amount),
    currency: row.currency.trim(),
    status: row.status,
    reason: row.reason,
    idempotencyKey: row.idempotency_key,
    requestHash: row.request_hash,
    providerRefundId: row.provider_refund_id,
    createdAt: row.created_at,
  };
}
