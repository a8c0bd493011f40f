import type { Ctx, TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';

export function assertTenantRequest(ctx: Ctx): asserts ctx is TenantCtx {
  if (!ctx.tenantId) throw new AppError('not_found', 'No store on this host.', { code: 'store_not_found' });
}

/** Internal endpoints answer only other services (checkout), always for one tenant. */
export function assertServiceCaller(ctx: Ctx): asserts ctx is TenantCtx {
  if (ctx.actor?.kind !== 'service') {
    throw new AppError('forbidden', 'This endpoint is internal to the platform.', { code: 'internal_only' });
  }
  assertTenantRequest(ctx);
}

/** Merchant staff of the host's store; the gateway already checked the token's tenant. */
export function assertStaff(ctx: Ctx): asserts ctx is TenantCtx {
  assertTenantRequest(ctx);
  if (ctx.actor?.kind !== 'staff') {
    throw new AppError('forbidden', 'Only store staff may do this.', { code: 'wrong_role' });
  }
}

/** A signed-in customer of the host's store. */
export function assertCustomer(
  ctx: Ctx,
): asserts ctx is TenantCtx & { actor: { kind: 'customer'; id: string } } {
  assertTenantRequest(ctx);
  if (ctx.actor?.kind !== 'customer' || !ctx.actor.id) {
    throw new AppError('unauthenticated', 'Sign in to see your orders.', { code: 'customer_required' });
  }
}
