import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TenantCtx } from '@fleet/context';
import { keyInProgress, keyReused } from './checkout-errors';
import type { CheckoutAnswer, CheckoutDeps, OrderRequest } from './checkout-deps';
import { bodyFingerprint, checkoutIdFor } from './checkout-keys';
import type { CheckoutInput } from './order-request';
import { prepareOrder, sendOrder } from './place-order';

/**
 * `POST /api/store/checkout` under an Idempotency-Key: the first request claims the key and does
 * the work; a duplicate with the same body waits for its answer (or is told it is still running)
 * and never does the work again; another body under the same key is a conflict.
 */
export async function checkout(
  ctx: TenantCtx,
  deps: CheckoutDeps,
  idempotencyKey: string,
  input: CheckoutInput,
): Promise<CheckoutAnswer & { replayed: boolean }> {
  const fingerprint = bodyFingerprint(input);
  const owner = randomUUID();
  const giveUpAt = Date.now() + deps.waitMs;
  for (;;) {
    const claim = await deps.idempotency.claim(ctx.tenantId, idempotencyKey, fingerprint, owner);
    if (claim.state === 'mismatch') throw keyReused();
    if (claim.state === 'done') return { ...claim.answer, replayed: true };
    if (claim.state === 'claimed') {
      const answer = await runClaimed(ctx, deps, { idempotencyKey, owner, input }, claim.savedRequest);
      return { ...answer, replayed: false };
    }
    if (Date.now() >= giveUpAt) throw keyInProgress();
    await sleep(deps.pollMs ?? 50);
  }
}

/** The work itself, once per key: a final answer is kept, anything else frees the key for a retry. */
async function runClaimed(
  ctx: TenantCtx,
  deps: CheckoutDeps,
  claim: { idempotencyKey: string; owner: string; input: CheckoutInput },
  savedRequest: OrderRequest | null,
): Promise<CheckoutAnswer> {
  const { idempotency: store } = deps;
  const { idempotencyKey: key, owner, input } = claim;
  try {
    const request = savedRequest ?? (await prepareOrder(ctx, deps, checkoutIdFor(ctx.tenantId, key), input));
    if (!savedRequest) await store.saveRequest(ctx.tenantId, key, request);
    const { answer, final } = await sendOrder(ctx, deps, input.cartId, request);
    if (final) await store.complete(ctx.tenantId, key, owner, answer);
    else await store.release(ctx.tenantId, key, owner);
    return answer;
  } catch (err) {
    await store.release(ctx.tenantId, key, owner).catch((releaseErr: unknown) => {
      deps.logger.warn(
        { err: releaseErr },
        'idempotency key not released; it frees itself after the lock TTL',
      );
    });
    throw err;
  }
}
