import { setTimeout as sleep } from 'node:timers/promises';
import type { TenantCtx } from '@fleet/context';
import type { CreateOrderResponse } from '@fleet/contracts';
import { findOrder, type OrderRecord } from '../data-access/order.repository';
import { findSaga } from '../data-access/saga.repository';
import { runSaga, type DriveResult } from './orchestrator';
import type { SagaRecord } from './saga-types';
import type { CreateOrderInput } from '../domain/create-order-input';
import { openOrder } from './open-order';
import type { OrderDeps } from '../domain/order-deps';
import { orderToken } from '../domain/order-token';

export type CreateOrderOutcome =
  | { kind: 'created'; replayed: boolean; response: CreateOrderResponse }
  | { kind: 'rejected'; code: string; detail: string; extra: Record<string, unknown> }
  | { kind: 'cancelled' }
  | { kind: 'pending' };

const POLL_MS = 50;

/**
 * The synchronous part of the saga: order PENDING, stock reserved, payment created. A retried
 * or concurrent call for the same checkout finds the same order, waits for (or resumes) its saga,
 * and answers what the first call answered; a step that keeps failing leaves the saga to the
 * recovery job and answers `pending` (503, retry later with the same checkout).
 */
export async function createOrder(
  ctx: TenantCtx,
  deps: OrderDeps,
  input: CreateOrderInput,
): Promise<CreateOrderOutcome> {
  const { order, created, claimed } = await openOrder(ctx, deps, input);
  const giveUpAt = Date.now() + deps.createWaitMs;
  for (let round = 0; ; round++) {
    const drive = await runSaga(ctx, deps, order.id, {
      skipBackoff: !created && round === 0,
      claimed: round === 0 ? claimed : undefined,
    });
    // The drive's last recording is as current as a read after it: no need to read again.
    const state =
      drive.last ??
      (await deps.db.readAsTenant(ctx, async (tx) => ({
        order: await findOrder(tx, order.id),
        saga: await findSaga(tx, order.id),
      })));
    const outcome = state.order && state.saga && answer(ctx, deps, state.order, state.saga, drive.result);
    if (outcome) return outcome.kind === 'created' ? { ...outcome, replayed: !created } : outcome;
    if (drive.result === 'retry_later' || Date.now() >= giveUpAt) return { kind: 'pending' };
    await sleep(POLL_MS);
  }
}

function answer(
  ctx: TenantCtx,
  deps: OrderDeps,
  order: OrderRecord,
  saga: SagaRecord,
  drive: DriveResult,
): CreateOrderOutcome | undefined {
  if (order.status === 'REJECTED') {
    const rejection = saga.data.rejection ?? { code: 'order_rejected', detail: 'The order was rejected.' };
    return { kind: 'rejected', code: rejection.code, detail: rejection.detail, extra: rejection.extra ?? {} };
  }
  if (order.paymentId) {
    return {
      kind: 'created',
      replayed: false,
      response: {
        orderId: order.id,
        orderToken: orderToken(deps.tokenKey, ctx.tenantId, order.id, order.accessTokenNonce),
        status: order.status,
        total: order.total,
        currency: order.currency,
        payment: {
          // Unknown only if payment.succeeded overtook a create whose answer was lost.
          provider: order.paymentProvider ?? 'unknown',
          paymentId: order.paymentId,
          clientParams: order.paymentClientParams ?? {},
        },
      },
    };
  }
  if (order.status === 'CANCEL_REQUESTED' || order.status === 'CANCELLED') return { kind: 'cancelled' };
  return drive === 'settled' && saga.status === 'failed' ? { kind: 'pending' } : undefined;
}
