import type { Ctx, TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { assertStoreRequest } from '@fleet/tenancy';

/** The platform's shared checks under this service's names. */
export {
  assertStoreRequest as assertTenantRequest,
  assertServiceForStore as assertServiceCaller,
  assertStaffOfStore as assertStaff,
} from '@fleet/tenancy';

/** A signed-in customer of the host's store. */
export function assertCustomer(
  ctx: Ctx,
): asserts ctx is TenantCtx & { actor: { kind: 'customer'; id: string } } {
  assertStoreRequest(ctx);
  if (ctx.actor?.kind !== 'customer' || !ctx.actor.id) {
    throw new AppError('unauthenticated', 'Sign in to see your orders.', { code: 'customer_required' });
  }
}
