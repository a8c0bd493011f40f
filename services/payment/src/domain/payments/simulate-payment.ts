import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { offlineWebhook, signOfflineWebhook } from '@fleet/payment-providers';
import { readPaymentMode } from '../../data-access/payment-mode.repository';
import { findPayment } from '../../data-access/payment.repository';
import type { PaymentDeps } from '../payment-deps';
import { requireProviderAccount } from '../settings/provider-accounts';
import { paymentNotFound } from './get-payment';
import { storeLive } from '../settings/store-live';

export type SimulatedOutcome = 'succeeded' | 'failed';

export interface SimulationResult {
  eventId: string;
  type: string;
  /** The HTTP status our webhook endpoint answered the delivery with. */
  webhookStatus: number;
}

/**
 * The offline provider's "customer paid" (or "card declined"): it sends the signed webhook over
 * HTTP to our webhook endpoint exactly as a real provider would, and nothing else. Test mode
 * only: a live store answers 403 `store_live` before looking at the payment (even one made while
 * it was in test mode), so nobody buys for free once it takes real money.
 */
export async function simulatePayment(
  ctx: TenantCtx,
  deps: PaymentDeps,
  paymentId: string,
  outcome: SimulatedOutcome,
): Promise<SimulationResult> {
  const { payment, secret } = await deps.db.readAsTenant(ctx, async (tx) => {
    if ((await readPaymentMode(tx)).live) throw storeLive('Simulating a payment');
    const found = await findPayment(tx, paymentId);
    if (!found) throw paymentNotFound();
    assertSimulatable(found);
    const account = await requireProviderAccount(tx, ctx, deps, 'offline');
    return { payment: found, secret: account.credentials.webhookSecret };
  });
  const body = offlineWebhook(
    outcome === 'succeeded' ? 'payment.succeeded' : 'payment.failed',
    outcome === 'succeeded'
      ? { paymentId: payment.providerPaymentId as string, amount: payment.amount }
      : { paymentId: payment.providerPaymentId as string, reason: 'card_declined' },
  );
  const delivery = await deps.webhookSender.send(ctx.tenantId, 'offline', signOfflineWebhook(secret, body));
  if (delivery.status !== 200) {
    throw new AppError('unavailable', `The webhook delivery was answered with ${delivery.status}.`, {
      code: 'webhook_delivery_failed',
    });
  }
  return { eventId: body.id, type: body.type, webhookStatus: delivery.status };
}

function assertSimulatable(payment: {
  provider: string;
  status: string;
  providerPaymentId: string | null;
}): void {
  if (payment.provider !== 'offline') {
    throw new AppError('business_rule', 'Only payments with the offline provider can be simulated.', {
      code: 'simulation_not_supported',
    });
  }
  if (payment.status !== 'pending') {
    throw new AppError('conflict', `The payment is ${payment.status}, not awaiting payment.`, {
      code: 'payment_not_pending',
    });
  }
  if (!payment.providerPaymentId) {
    throw new AppError('conflict', 'The payment is still being set up with its provider.', {
      code: 'payment_not_started',
    });
  }
}
