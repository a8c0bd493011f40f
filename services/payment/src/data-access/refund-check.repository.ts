import type { Queryable } from '@fleet/db';

/** A refund pending at its provider, claimed to be asked about (check-refund.ts). */
export interface RefundToCheck {
  id: string;
  paymentId: string;
  providerRefundId: string;
  /** How often the provider was asked before this check. */
  checks: number;
  createdAt: Date;
}

/**
 * Claims a refund pending at its provider whose check is due, for `leaseMs` (its next check is
 * moved past the lease, so another instance's scan passes it by, and a poller that dies mid-call
 * leaves it to be checked again once the lease runs out). Undefined when it is not due (another
 * instance has it), ended meanwhile, or not visible in this tenant.
 */
export async function claimRefundCheck(
  tx: Queryable,
  id: string,
  leaseMs: number,
): Promise<RefundToCheck | undefined> {
  const row = await tx.maybeOne<{
    id: string;
    payment_id: string;
    provider_refund_id: string;
    checks: number;
    created_at: Date;
  }>(
    `UPDATE refunds SET next_check_at = now() + make_interval(secs => $2::double precision / 1000)
      WHERE id = $1 AND status = 'pending' AND provider_refund_id IS NOT NULL
        AND next_check_at IS NOT NULL AND next_check_at <= now()
      RETURNING id, payment_id, provider_refund_id, checks, created_at`,
    [id, leaseMs],
  );
  return (
    row && {
      id: row.id,
      paymentId: row.payment_id,
      providerRefundId: row.provider_refund_id,
      checks: row.checks,
      createdAt: row.created_at,
    }
  );
}

/** Still pending (or the provider could not say): counts the check and asks again in `delayMs`. */
export async function scheduleRefundCheck(
  tx: Queryable,
  id: string,
  next: { checks: number; delayMs: number; lastError?: string },
): Promise<void> {
  await tx.query(
    `UPDATE refunds SET checks = $2, next_check_at = now() + make_interval(secs => $3::double precision / 1000),
            last_error = COALESCE($4, last_error), updated_at = now()
      WHERE id = $1 AND status = 'pending'`,
    [id, next.checks, next.delayMs, next.lastError?.slice(0, 500) ?? null],
  );
}
