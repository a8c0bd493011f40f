import type { TenantCtx } from '@fleet/context';
import { newId } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { appendToOutbox } from '@fleet/messaging';
import { appendHistory, insertItems } from '../data-access/order-lines.repository';
import {
  findOrderByCheckout,
  insertOrder,
  lockCheckoutsOf,
  type OrderRecord,
} from '../data-access/order.repository';
import { insertSaga } from '../data-access/saga.repository';
import { ORDER_SAGA } from './order-saga';
import type { ClaimedStep } from './saga-unit';
import { requestHash, type CreateOrderInput } from '../domain/create-order-input';
import type { OrderDeps } from '../domain/order-deps';
import { orderStatusEvent } from '../domain/order-events';
import { hashToken, newTokenNonce, orderToken } from '../domain/order-token';

const FIRST_STEP = ORDER_SAGA.forward[0]!.step.name;

/**
 * Opens the order, in one transaction: the order PENDING, its lines, its history, its saga at the
 * first forward step (already claimed by this call) and `order.created`. Not a saga step: the
 * saga starts here. The checkout id is unique per tenant, so a retried or concurrent checkout
 * finds the same order and resumes its saga.
 */
export async function openOrder(
  ctx: TenantCtx,
  deps: OrderDeps,
  input: CreateOrderInput,
): Promise<{ order: OrderRecord; created: boolean; claimed?: ClaimedStep }> {
  const id = newId('ord');
  const nonce = newTokenNonce();
  const hash = requestHash(input);
  const minutes = input.unpaidOrderTimeoutMinutes ?? deps.unpaidOrderTimeoutMinutes;
  return deps.db.withTenant(ctx, async (tx) => {
    lockCheckoutsOf(tx, ctx.tenantId, input.email);
    const order = await insertOrder(tx, {
      tenantId: ctx.tenantId,
      id,
      checkoutId: input.checkoutId,
      requestHash: hash,
      email: input.email,
      customerId: input.customerId,
      currency: input.currency,
      subtotal: input.subtotal,
      shipping: input.shipping,
      tax: input.tax,
      total: input.total,
      shippingAddress: input.shippingAddress,
      accessTokenHash: hashToken(orderToken(deps.tokenKey, ctx.tenantId, id, nonce)),
      accessTokenNonce: nonce,
      expiresAt: new Date(Date.now() + minutes * 60_000),
      maxOpenPerEmail: deps.maxOpenCheckoutsPerEmail,
    });
    if (!order) {
      const existing = await findOrderByCheckout(tx, input.checkoutId);
      if (!existing) {
        throw new AppError(
          'rate_limited',
          `This address already has ${deps.maxOpenCheckoutsPerEmail} unpaid orders in this store; pay or cancel one first.`,
          { code: 'too_many_open_checkouts' },
        );
      }
      if (existing.requestHash !== hash) {
        throw new AppError('conflict', 'This checkout already placed an order with other contents.', {
          code: 'checkout_conflict',
        });
      }
      return { order: existing, created: false };
    }
    await insertItems(tx, ctx.tenantId, id, input.items);
    const step = FIRST_STEP;
    const saga = await insertSaga(
      tx,
      ctx.tenantId,
      {
        orderId: id,
        step,
        status: 'running',
        history: [{ at: new Date().toISOString(), step, event: 'created' }],
      },
      deps.saga.leaseMs,
    );
    await appendHistory(tx, ctx.tenantId, id, { from: null, to: 'PENDING', reason: 'checkout' });
    await appendToOutbox(tx, orderStatusEvent(ctx, order, null, input.items));
    return { order, created: true, claimed: { saga, order, items: input.items } };
  });
}
