import type { Ctx, TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';

/** Shopper routes need the host's store; without one the store does not exist here. */
export function assertTenantRequest(ctx: Ctx): asserts ctx is TenantCtx {
  if (!ctx.tenantId) throw new AppError('not_found', 'No store on this host.', { code: 'store_not_found' });
}

/** Reindexing is for other services (the console backend) and platform admins. */
export function assertOperator(ctx: Ctx): void {
  const kind = ctx.actor?.kind;
  if (kind !== 'service' && kind !== 'platform_admin') {
    throw new AppError('forbidden', 'Only the platform may reindex a store.', { code: 'internal_only' });
  }
}
