import { createHash } from 'node:crypto';
import type { TenantCtx } from '@fleet/context';
import { newId, type Queryable } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { lockPayment, type Payment } from '../../data-access/payment.repository';
import {
  claimRefundSubmission,
  committedRefundTotal,
  findRefundByKey,
  insertRefund,
  type Refund,
} from '../../data-access/refund.repository';
import { paymentNotFound } from '../payments/get-payment';
import type { PaymentDeps } from '../payment-deps';
import { submitRefund } from './submit-refund';
import { toRefundView, type RefundView } from '../payments/views';

export interface RefundInput {
  /** Minor units; the whole remaining amount when absent. */
  amount?: number;
  reason?: string;
  idempotencyKey?: string;
}

export interface RefundResult {
  created: boolean;
  refund: RefundView;
}

/**
 * Refunds (part of) a captured payment. The refund is first reserved against the payment under
 * its row lock, so concurrent refunds never exceed it (failed ones no longer count); then the
 * provider is asked (idempotently by refund id) outside any transaction (submit-refund.ts): it
 * ends `succeeded` or `failed` at once, waits for the provider's webhook, or is retried later when
 * the provider could not be reached. A repeat with the same Idempotency-Key returns the first
 * refund (and submits it again if it is due for a retry and nobody else is submitting it).
 */
export async function refundPayment(
  ctx: TenantCtx,
  deps: PaymentDeps,
  paymentId: string,
  input: RefundInput,
): Promise<RefundResult> {
  const reserved = await deps.db.withTenant(ctx, async (tx) => {
    const found = await reserveRefund(tx, ctx, paymentId, input);
    if (found.created) return { ...found, claimed: true };
    const claimed = await claimRefundSubmission(tx, found.refund.id);
    return { ...found, refund: claimed ?? found.refund, claimed: claimed !== undefined };
  });
  const { payment, refund, created, claimed } = reserved;
  const current = claimed ? await submitRefund(ctx, deps, payment, refund) : refund;
  return { created, refund: toRefundView(current) };
}

async function reserveRefund(
  tx: Queryable,
  ctx: TenantCtx,
  paymentId: string,
  input: RefundInput,
): Promise<{ payment: Payment; refund: Refund; created: boolean }> {
  const payment = await lockPayment(tx, paymentId);
  if (!payment) throw paymentNotFound();
  const requestHash = hashRequest(paymentId, input);
  const prior = input.idempotencyKey ? await findRefundByKey(tx, input.idempotencyKey) : undefined;
  if (prior) return { payment, refund: sameRequest(prior, requestHash), created: false };
  if (payment.status === 'pending' || payment.status === 'failed') {
    throw new AppError('business_rule', `The payment is ${payment.status}: nothing was captured.`, {
      code: 'payment_not_captured',
    });
  }
  const remaining = payment.amount - (await committedRefundTotal(tx, payment.id));
  const amount = input.amount ?? remaining;
  if (amount <= 0 || amount > remaining) {
    throw new AppError('business_rule', `At most ${remaining} ${payment.currency} can still be refunded.`, {
      code: 'refund_exceeds_payment',
    });
  }
  const refund = await insertRefund(tx, {
    tenantId: ctx.tenantId,
    id: newId('ref'),
    paymentId,
    amount,
    currency: payment.currency,
    reason: input.reason ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
    requestHash,
  });
  return { payment, refund: refund ?? sameRequest(undefined, requestHash), created: true };
}

function hashRequest(paymentId: string, input: RefundInput): string {
  const canonical = JSON.stringify([paymentId, input.amount ?? null, input.reason ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The same key with another request (or for another payment) is a 409, as everywhere. */
function sameRequest(prior: Refund | undefined, requestHash: string): Refund {
  if (!prior || prior.requestHash !== requestHash) {
    throw new AppError('conflict', 'This Idempotency-Key was used for another refund request.', {
      code: 'idempotency_key_reused',
    });
  }
  return prior;
}
