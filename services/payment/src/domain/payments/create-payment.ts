import type { TenantCtx } from '@fleet/context';
import type { CreatePaymentRequest, PaymentView } from '@fleet/contracts';
import { newId, type Queryable } from '@fleet/db';
import { AppError } from '@fleet/errors';
import {
  attachProviderPayment,
  findPayment,
  findPaymentByOrder,
  insertPayment,
  type Payment,
} from '../../data-access/payment.repository';
import type { PaymentDeps } from '../payment-deps';
import {
  activeProviderAccount,
  requireProviderAccount,
  type ProviderAccount,
} from '../settings/provider-accounts';
import { storeLive } from '../settings/store-live';
import { toPaymentView } from './views';

export interface CreatedPayment {
  created: boolean;
  payment: PaymentView;
}

/**
 * Creates the order's payment with the tenant's active provider, once per order. Two steps so no
 * transaction waits on the provider: (1) the payment row commits (unique per order: concurrent
 * duplicates wait for it, then find it); (2) the provider is asked, idempotently by payment id,
 * and its answer attached by the first writer. A repeat finds the row and finishes step 2 if a
 * crash or a race left it undone.
 */
export async function createPayment(
  ctx: TenantCtx,
  deps: PaymentDeps,
  input: CreatePaymentRequest,
): Promise<CreatedPayment> {
  const { payment, account, created } = await deps.db.withTenant(ctx, async (tx) => {
    const active = await activeProviderAccount(tx, ctx, deps);
    const inserted = await insertPayment(tx, {
      tenantId: ctx.tenantId,
      id: newId('pay'),
      orderId: input.orderId,
      provider: active.provider,
      amount: input.amount,
      currency: input.currency,
      email: input.email ?? null,
      correlationId: ctx.correlationId ?? ctx.requestId,
    });
    // A live store never starts an offline payment (settings refuse offline while live; this
    // closes the race of a switch landing between the two statements). Rolls the insert back.
    if (inserted && inserted.provider === 'offline' && !inserted.test) throw storeLive('An offline payment');
    if (inserted) return { payment: inserted, account: active, created: true };
    const existing = await existingForRepeat(tx, input);
    const account =
      existing.provider === active.provider
        ? active
        : await requireProviderAccount(tx, ctx, deps, existing.provider);
    return { payment: existing, account, created: false };
  });
  const started = payment.providerPaymentId ? payment : await startAtProvider(ctx, deps, payment, account);
  return { created, payment: toPaymentView(started) };
}

async function existingForRepeat(tx: Queryable, input: CreatePaymentRequest): Promise<Payment> {
  const existing = await findPaymentByOrder(tx, input.orderId);
  if (!existing) throw new AppError('internal', 'The order has a payment that cannot be read.');
  if (existing.amount !== input.amount || existing.currency !== input.currency) {
    throw new AppError('conflict', 'This order already has a payment for another amount.', {
      code: 'order_payment_exists',
    });
  }
  return existing;
}

async function startAtProvider(
  ctx: TenantCtx,
  deps: PaymentDeps,
  payment: Payment,
  account: ProviderAccount,
): Promise<Payment> {
  const started = await deps.providers.get(payment.provider).createPayment(ctx, {
    paymentId: payment.id,
    orderId: payment.orderId,
    amount: payment.amount,
    currency: payment.currency,
    ...(payment.email ? { email: payment.email } : {}),
    credentials: account.credentials,
  });
  return deps.db.withTenant(ctx, async (tx) => {
    const attached = await attachProviderPayment(tx, payment.id, started);
    return attached ?? ((await findPayment(tx, payment.id)) as Payment);
  });
}
