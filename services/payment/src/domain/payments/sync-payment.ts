import type { TenantCtx } from '@fleet/context';
import type { PaymentSyncView, ProviderPaymentStatus } from '@fleet/contracts';
import { findPayment, type Payment } from '../../data-access/payment.repository';
import { applyNewReceipt } from '../webhooks/receipts';
import { paymentNotFound } from './get-payment';
import type { PaymentDeps } from '../payment-deps';
import { requireProviderAccount } from '../settings/provider-accounts';
import { toPaymentView } from './views';

/** What our own record already settled: the provider has nothing newer to say. */
function settledStatus(payment: Payment): ProviderPaymentStatus | undefined {
  if (payment.status === 'pending') return undefined;
  return payment.status === 'failed' ? 'failed' : 'succeeded';
}

/**
 * Asks the payment's provider for its real state, for a caller about to act on "not paid" (the
 * order saga's unpaid-order timeout): a webhook may be lost or late, or its event may still sit in
 * our outbox while the broker is down. A success the provider reports is applied first exactly as
 * its webhook would be (stored once as a receipt under the confirmation's event id, payment
 * succeeded and `payment.succeeded` in the outbox, one transaction), so the webhook or event that
 * arrives later changes nothing. A payment we already settled is answered from our record without
 * a provider call. A provider that cannot be reached is a 503 (`AppError` unavailable): the caller
 * must not read that as unpaid.
 */
export async function syncPayment(
  ctx: TenantCtx,
  deps: PaymentDeps,
  paymentId: string,
): Promise<PaymentSyncView> {
  const { payment, account } = await deps.db.readAsTenant(ctx, async (tx) => {
    const found = await findPayment(tx, paymentId);
    if (!found) throw paymentNotFound();
    if (settledStatus(found)) return { payment: found, account: undefined };
    return { payment: found, account: await requireProviderAccount(tx, ctx, deps, found.provider) };
  });
  const settled = settledStatus(payment);
  if (settled || !account) return { payment: toPaymentView(payment), providerStatus: settled ?? 'unpaid' };

  const provider = deps.providers.get(payment.provider);
  const state =
    provider.retrievePayment && payment.providerPaymentId
      ? await provider.retrievePayment(ctx, {
          providerPaymentId: payment.providerPaymentId,
          credentials: account.credentials,
        })
      : ({ status: 'unpaid' } as const);
  if (state.status !== 'succeeded') return { payment: toPaymentView(payment), providerStatus: state.status };

  await applyNewReceipt(ctx, deps, payment.provider, state.event);
  const now = await deps.db.readAsTenant(ctx, (tx) => findPayment(tx, paymentId));
  return { payment: toPaymentView(now ?? payment), providerStatus: 'succeeded' };
}
