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
  failureReason: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
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
  failure_reason: string | null;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  created_at: Date;
}

const COLUMNS = `id, payment_id, amount, currency, status, reason, idempotency_key, request_hash, provider_refund_id,
  failure_reason, attempts, next_attempt_at, last_error, created_at`;

/**
 * How long a submission to the provider belongs to whoever claimed it (the request that made the
 * refund, or the retrier). A crash mid-call leaves the claim to expire, then the retrier resumes.
 */
export const SUBMIT_LEASE_SECONDS = 60;

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

/**
 * Inserts unless the idempotency key was used before (then undefined), claimed for submission by
 * the caller (`next_attempt_at` = the end of its lease).
 */
export async function insertRefund(tx: Queryable, r: NewRefund): Promise<Refund | undefined> {
  const row = await tx.maybeOne<RefundRow>(
    `INSERT INTO refunds (tenant_id, id, payment_id, amount, currency, reason, idempotency_key, request_hash,
                          next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(secs => ${SUBMIT_LEASE_SECONDS}))
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
            next_attempt_at = NULL, next_check_at = NULL, updated_at = now()
      WHERE id = $1 AND status = 'pending' RETURNING ${COLUMNS}`,
    [id, providerRefundId],
  );
  return row && toRefund(row);
}

/** Pending -> failed once, with why; undefined when it was no longer pending. Frees its amount. */
export async function markRefundFailed(
  tx: Queryable,
  id: string,
  failureReason: string,
  providerRefundId: string | null,
  attempts?: number,
): Promise<Refund | undefined> {
  const row = await tx.maybeOne<RefundRow>(
    `UPDATE refunds SET status = 'failed', failure_reason = $2,
            provider_refund_id = COALESCE($3, provider_refund_id), attempts = COALESCE($4, attempts),
            next_attempt_at = NULL, next_check_at = NULL, updated_at = now()
      WHERE id = $1 AND status = 'pending' RETURNING ${COLUMNS}`,
    [id, failureReason.slice(0, 500), providerRefundId, attempts ?? null],
  );
  return row && toRefund(row);
}

/**
 * The provider has it (pending there): its webhook settles it, nothing is submitted again; if the
 * webhook is late, the refund poll asks the provider `checkAfterMs` from now (check-refund.ts).
 */
export async function recordProviderRefundId(
  tx: Queryable,
  id: string,
  providerRefundId: string,
  checkAfterMs: number,
): Promise<void> {
  await tx.query(
    `UPDATE refunds SET provider_refund_id = $2, next_attempt_at = NULL,
            next_check_at = now() + make_interval(secs => $3::double precision / 1000), updated_at = now()
      WHERE id = $1 AND status = 'pending'`,
    [id, providerRefundId, checkAfterMs],
  );
}

/**
 * Claims a pending, never-submitted refund whose claim is free (due): a repeat of the request or
 * the retrier. Undefined when someone else holds it, or it was submitted or ended meanwhile.
 */
export async function claimRefundSubmission(tx: Queryable, id: string): Promise<Refund | undefined> {
  const row = await tx.maybeOne<RefundRow>(
    `UPDATE refunds SET next_attempt_at = now() + make_interval(secs => ${SUBMIT_LEASE_SECONDS}), updated_at = now()
      WHERE id = $1 AND status = 'pending' AND provider_refund_id IS NULL
        AND next_attempt_at IS NOT NULL AND next_attempt_at <= now()
      RETURNING ${COLUMNS}`,
    [id],
  );
  return row && toRefund(row);
}

/** A submission the provider could not take (unreachable, 5xx, rate limit): try again at `at`. */
export async function scheduleRefundRetry(
  tx: Queryable,
  id: string,
  retry: { attempts: number; delayMs: number; lastError: string },
): Promise<Refund | undefined> {
  const row = await tx.maybeOne<RefundRow>(
    `UPDATE refunds SET attempts = $2, next_attempt_at = now() + make_interval(secs => $3::double precision / 1000),
            last_error = $4, updated_at = now()
      WHERE id = $1 AND status = 'pending' AND provider_refund_id IS NULL RETURNING ${COLUMNS}`,
    [id, retry.attempts, retry.delayMs, retry.lastError.slice(0, 500)],
  );
  return row && toRefund(row);
}

/** The payment's refunds, oldest first (the merchant's view of why one failed). */
export async function listRefunds(tx: Queryable, paymentId: string): Promise<Refund[]> {
  const rows = await tx.rows<RefundRow>(
    `SELECT ${COLUMNS} FROM refunds WHERE payment_id = $1 ORDER BY created_at, id`,
    [paymentId],
  );
  return rows.map(toRefund);
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
    failureReason: row.failure_reason,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}
