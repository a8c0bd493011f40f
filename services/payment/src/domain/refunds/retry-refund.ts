import { runWithContext, type TenantCtx } from '@fleet/context';
import { findPayment } from '../../data-access/payment.repository';
import { claimRefundSubmission } from '../../data-access/refund.repository';
import type { DueRefund } from '../../data-access/due-refunds';
import type { PaymentDeps } from '../payment-deps';
import { submitRefund } from './submit-refund';

/** The context a retried refund runs in: its events look like the payment service's own. */
function retryCtx(due: DueRefund): TenantCtx {
  return {
    requestId: `refund-retry:${due.refundId}`,
    tenantId: due.tenantId,
    actor: { kind: 'service', id: 'payment-refund-retrier' },
  };
}

/**
 * Submits one due refund again, if it can still be claimed in its tenant (another instance, or a
 * repeat of the merchant's request, may have taken it): 'skipped' when not.
 */
export async function retryRefund(deps: PaymentDeps, due: DueRefund): Promise<'submitted' | 'skipped'> {
  const ctx = retryCtx(due);
  return runWithContext(ctx, async () => {
    const claimed = await deps.db.withTenant(ctx, async (tx) => {
      const refund = await claimRefundSubmission(tx, due.refundId);
      const payment = refund && (await findPayment(tx, refund.paymentId));
      return refund && payment ? { refund, payment } : undefined;
    });
    if (!claimed) return 'skipped';
    await submitRefund(ctx, deps, claimed.payment, claimed.refund);
    return 'submitted';
  });
}
