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

export function assertPlatformAdmin(ctx: Ctx): void {
  if (ctx.actor?.kind !== 'platform_admin') {
    throw new AppError('forbidden', 'Only platform admins may do this.', { code: 'wrong_role' });
  }
}

/** Merchant staff of the host's store; the gateway already checked the token's tenant. */
export function assertStaff(ctx: Ctx): asserts ctx is TenantCtx {
  assertTenantRequest(ctx);
  if (ctx.actor?.kind !== 'staff')
    throw new AppError('forbidden', 'Only store staff may do this.', { code: 'wrong_role' });
}
