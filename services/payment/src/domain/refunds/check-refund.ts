import { runWithContext, type TenantCtx } from '@fleet/context';
import type { ProviderEvent, ProviderRefundState } from '@fleet/payment-providers';
import type { DueRefund } from '../../data-access/due-refunds';
import { findPayment } from '../../data-access/payment.repository';
import {
  claimRefundCheck,
  scheduleRefundCheck,
  type RefundToCheck,
} from '../../data-access/refund-check.repository';
import type { PaymentDeps } from '../payment-deps';
import { requireProviderAccount } from '../settings/provider-accounts';
import { applyNewReceipt } from '../webhooks/receipts';
import { DEFAULT_REFUND_POLL, nextCheckDelay, type RefundPollPolicy } from './refund-poll-policy';

export type RefundCheckResult = 'settled' | 'pending' | 'unreachable' | 'skipped';

export function refundPollPolicy(deps: Pick<PaymentDeps, 'refundPoll'>): RefundPollPolicy {
  return { ...DEFAULT_REFUND_POLL, ...deps.refundPoll };
}

/** The event id of a refund's outcome read from its provider: one per refund, whoever reads it. */
export const refundCheckEventId = (refundId: string) => `refund_check:${refundId}`;

/** The context a check runs in: its own, in the refund's tenant (RLS sees only that tenant). */
function checkCtx(due: DueRefund): TenantCtx {
  return {
    requestId: `refund-check:${due.refundId}`,
    tenantId: due.tenantId,
    actor: { kind: 'service', id: 'payment-refund-poll' },
  };
}

/**
 * Asks the provider about one refund pending there whose webhook is late, if it can still be
 * claimed in its tenant. An answer of succeeded or failed is applied exactly as its webhook
 * would be: a receipt under an event id derived from the refund (`refundCheckEventId`), applied
 * by the webhook path (settle-refund.ts), so whichever of the webhook and the check comes second
 * changes nothing. Still pending, or a provider that cannot be reached: asked again later
 * (refund-poll-policy.ts), never failed for that.
 */
export async function checkRefund(deps: PaymentDeps, due: DueRefund): Promise<RefundCheckResult> {
  const ctx = checkCtx(due);
  const policy = refundPollPolicy(deps);
  return runWithContext(ctx, async () => {
    const claimed = await deps.db.withTenant(ctx, async (tx) => {
      const refund = await claimRefundCheck(tx, due.refundId, policy.leaseMs);
      const payment = refund && (await findPayment(tx, refund.paymentId));
      if (!refund || !payment?.providerPaymentId) return undefined;
      return { refund, payment: { ...payment, providerPaymentId: payment.providerPaymentId } };
    });
    if (!claimed) return 'skipped';
    const { refund, payment } = claimed;
    const provider = deps.providers.get(payment.provider);
    let state: ProviderRefundState;
    try {
      const account = await deps.db.readAsTenant(ctx, (tx) =>
        requireProviderAccount(tx, ctx, deps, payment.provider),
      );
      state = provider.retrieveRefund
        ? await provider.retrieveRefund(ctx, {
            providerPaymentId: payment.providerPaymentId,
            providerRefundId: refund.providerRefundId,
            refundId: refund.id,
            credentials: account.credentials,
          })
        : { status: 'pending' };
    } catch (err) {
      deps.logger.warn(
        { err, refundId: refund.id },
        'refund check: the provider could not say; asking later',
      );
      await later(ctx, deps, policy, refund, String(err));
      return 'unreachable';
    }
    if (state.status === 'pending') {
      await later(ctx, deps, policy, refund);
      return 'pending';
    }
    const event: ProviderEvent = {
      eventId: refundCheckEventId(refund.id),
      type: state.status === 'succeeded' ? 'refund.succeeded' : 'refund.failed',
      providerPaymentId: payment.providerPaymentId,
      refundId: refund.id,
      ...(state.status === 'failed' ? { reason: state.reason } : {}),
    };
    await applyNewReceipt(ctx, deps, payment.provider, event);
    return 'settled';
  });
}

/** Schedules the next check; a refund pending past the long bound is surfaced at each check. */
async function later(
  ctx: TenantCtx,
  deps: PaymentDeps,
  policy: RefundPollPolicy,
  refund: RefundToCheck,
  lastError?: string,
): Promise<void> {
  const checks = refund.checks + 1;
  const { delayMs, longPending } = nextCheckDelay(policy, checks, refund.createdAt);
  if (longPending) {
    deps.logger.warn(
      { refundId: refund.id, paymentId: refund.paymentId, since: refund.createdAt, checks },
      'refund still pending at the provider past the long bound; asking daily, an operator should look',
    );
  }
  await deps.db.withTenant(ctx, (tx) =>
    scheduleRefundCheck(tx, refund.id, { checks, delayMs, ...(lastError ? { lastError } : {}) }),
  );
}
