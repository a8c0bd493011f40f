import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { findPayment } from '../../data-access/payment.repository';
import { applyNewReceipt } from '../webhooks/receipts';
import { paymentNotFound } from './get-payment';
import type { PaymentDeps } from '../payment-deps';
import { requireProviderAccount } from '../settings/provider-accounts';

export interface ConfirmResult {
  paymentId: string;
  /** What the provider says now; the order follows asynchronously, as after a webhook. */
  outcome: 'succeeded' | 'failed' | 'pending';
}

/**
 * The storefront reports that the shopper finished paying (Razorpay Checkout's handler with its
 * payment signature, a Stripe return). The provider verifies it (signature and an API read); what
 * it vouches for is stored and applied as a receipt, exactly like a webhook, so the webhook that
 * follows is a duplicate or an ignored repeat and the order moves once. A forged signature stores
 * nothing.
 */
export async function confirmPayment(
  ctx: TenantCtx,
  deps: PaymentDeps,
  paymentId: string,
  params: Record<string, unknown>,
): Promise<ConfirmResult> {
  const { payment, account } = await deps.db.readAsTenant(ctx, async (tx) => {
    const found = await findPayment(tx, paymentId);
    if (!found) throw paymentNotFound();
    return { payment: found, account: await requireProviderAccount(tx, ctx, deps, found.provider) };
  });
  const provider = deps.providers.get(payment.provider);
  if (!provider.confirmPayment || !payment.providerPaymentId) {
    throw new AppError('business_rule', `Payments with ${payment.provider} are confirmed by webhook only.`, {
      code: 'confirmation_not_supported',
    });
  }
  const verified = await provider.confirmPayment(ctx, {
    providerPaymentId: payment.providerPaymentId,
    params,
    credentials: account.credentials,
  });
  if (!verified.ok) {
    deps.logger.warn(
      {
        security: true,
        provider: payment.provider,
        paymentId,
        reason: verified.reason,
        clientIp: ctx.clientIp,
      },
      'payment confirmation rejected',
    );
    throw new AppError('validation', 'The payment confirmation could not be verified.', {
      code: 'invalid_payment_signature',
    });
  }
  // Verified first, always: a forged confirmation learns nothing, not even that the payment settled.
  if (payment.status !== 'pending') {
    return { paymentId, outcome: payment.status === 'failed' ? 'failed' : 'succeeded' };
  }
  const event = verified.event;
  if (!event) return { paymentId, outcome: 'pending' };
  await applyNewReceipt(ctx, deps, payment.provider, event);
  const outcome =
    event.type === 'payment.succeeded' ? 'succeeded' : event.type === 'payment.failed' ? 'failed' : 'pending';
  return { paymentId, outcome };
}
