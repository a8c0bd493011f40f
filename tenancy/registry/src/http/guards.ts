import type { Ctx, TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';

/** Internal endpoints answer only other services (the gateway, the console backend). */
export function assertServiceCaller(ctx: Ctx): void {
  if (ctx.actor?.kind !== 'service') {
    throw new AppError('forbidden', 'This endpoint is internal to the platform.', { code: 'internal_only' });
  }
}

export function assertTenantRequest(ctx: Ctx): asserts ctx is TenantCtx {
  if (!ctx.tenantId) throw new AppError('not_found', 'No store on this host.', { code: 'store_not_found' });
}
