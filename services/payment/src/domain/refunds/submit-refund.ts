import type { TenantCtx } from '@fleet/context';
import type { ProviderRefund } from '@fleet/payment-providers';
import type { Payment } from '../../data-access/payment.repository';
import {
  findRefund,
  recordProviderRefundId,
  scheduleRefundRetry,
  type Refund,
} from '../../data-access/refund.repository';
import type { RetryPolicy } from '../../data-access/webhook-receipt.repository';
import type { PaymentDeps } from '../payment-deps';
import { requireProviderAccount } from '../settings/provider-accounts';
import { classifyRefundError } from './refund-errors';
import { refundPollPolicy } from './check-refund';
import { failRefund, settleRefund } from './settle-refund';

/**
 * A provider that cannot be reached is asked again 2 s, 4 s, … (capped at 5 min) later; after 8
 * attempts in all (about 8 minutes) the refund ends `failed` and its amount is free again.
 */
export const DEFAULT_REFUND_RETRY: RetryPolicy = { baseMs: 2000, maxMs: 5 * 60_000, maxAttempts: 8 };

/**
 * Sends one claimed refund to its payment's provider (idempotently by refund id) outside any
 * transaction and records what came of it, so every refund reaches an end:
 * - `succeeded`: settled at once (payment.refunded);
 * - `pending` at the provider: its id is kept and its webhook settles or fails it (or the refund
 *   poll, check-refund.ts, if the webhook is late);
 * - a permanent refusal: `failed` with the provider's reason (payment.refund_failed);
 * - a transient one: tried again later with backoff (the retrier), `failed` once attempts run out.
 */
export async function submitRefund(
  ctx: TenantCtx,
  deps: PaymentDeps,
  payment: Payment,
  refund: Refund,
): Promise<Refund> {
  let answer: ProviderRefund;
  try {
    const account = await deps.db.readAsTenant(ctx, (tx) =>
      requireProviderAccount(tx, ctx, deps, payment.provider),
    );
    answer = await deps.providers.get(payment.provider).refund(ctx, {
      providerPaymentId: payment.providerPaymentId as string,
      amount: refund.amount,
      currency: refund.currency,
      refundId: refund.id,
      ...(refund.reason ? { reason: refund.reason } : {}),
      credentials: account.credentials,
    });
  } catch (err) {
    return recordRefusal(ctx, deps, refund, err);
  }
  return deps.db.withTenant(ctx, async (tx) => {
    if (answer.status === 'succeeded') await settleRefund(tx, ctx, refund, answer.providerRefundId);
    else await recordProviderRefundId(tx, refund.id, answer.providerRefundId, refundPollPolicy(deps).afterMs);
    return (await findRefund(tx, refund.id)) as Refund;
  });
}

async function recordRefusal(
  ctx: TenantCtx,
  deps: PaymentDeps,
  refund: Refund,
  err: unknown,
): Promise<Refund> {
  const policy = { ...DEFAULT_REFUND_RETRY, ...deps.refundRetry };
  const failure = classifyRefundError(err);
  const attempts = refund.attempts + 1;
  const giveUp = failure.kind === 'permanent' || attempts >= policy.maxAttempts;
  deps.logger.warn(
    { err, refundId: refund.id, paymentId: refund.paymentId, attempts, kind: failure.kind, giveUp },
    giveUp ? 'refund failed at the provider' : 'refund not taken by the provider; retrying later',
  );
  return deps.db.withTenant(ctx, async (tx) => {
    if (giveUp) {
      const reason =
        failure.kind === 'permanent'
          ? failure.reason
          : `${failure.reason} (gave up after ${attempts} attempts)`;
      await failRefund(tx, ctx, refund, reason, null, failure.kind === 'transient' ? attempts : undefined);
    } else {
      const delayMs = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempts - 1));
      await scheduleRefundRetry(tx, refund.id, { attempts, delayMs, lastError: failure.reason });
    }
    return (await findRefund(tx, refund.id)) as Refund;
  });
}
