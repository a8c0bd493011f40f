import type { Ctx, TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { paymentNotFound } from '../domain/get-payment';
import { isPaymentId } from './schemas';

/** Requests for a store: the gateway resolved the tenant from the host. */
export function assertTenantRequest(ctx: Ctx): asserts ctx is TenantCtx {
  if (!ctx.tenantId) throw new AppError('not_found', 'No store on this host.', { code: 'store_not_found' });
}

/** The internal API answers only other services (the order saga), always for one tenant. */
export function assertServiceCaller(ctx: Ctx): asserts ctx is TenantCtx {
  if (ctx.actor?.kind !== 'service') {
    throw new AppError('forbidden', 'This endpoint is internal to the platform.', { code: 'internal_only' });
  }
  assertTenantRequest(ctx);
}

export function paymentIdParam(value: unknown): string {
  if (!isPaymentId(value)) throw paymentNotFound();
  return value;
}
