import type { NextFunction, Request, Response } from 'express';
import type { Ctx, TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { requestCtx } from './context-middleware';

/**
 * The checks every service makes on the verified request context. The store comes first and its
 * absence is a 404, so a caller with the wrong role learns nothing about a host without a store.
 */
export function assertStoreRequest(ctx: Ctx): asserts ctx is TenantCtx {
  if (!ctx.tenantId) throw new AppError('not_found', 'No store on this host.', { code: 'store_not_found' });
}

/** Internal endpoints answer only other services of the platform. */
export function assertServiceActor(ctx: Ctx): void {
  if (ctx.actor?.kind !== 'service') {
    throw new AppError('forbidden', 'This endpoint is internal to the platform.', { code: 'internal_only' });
  }
}

/** Another service acting for one tenant (the saga, checkout, search's reindex). */
export function assertServiceForStore(ctx: Ctx): asserts ctx is TenantCtx {
  assertServiceActor(ctx);
  assertStoreRequest(ctx);
}

/** Merchant staff of the host's store; the gateway already checked the token's tenant. */
export function assertStaffOfStore(ctx: Ctx): asserts ctx is TenantCtx {
  assertStoreRequest(ctx);
  if (ctx.actor?.kind !== 'staff')
    throw new AppError('forbidden', 'Only store staff may do this.', { code: 'wrong_role' });
}

export function assertPlatformAdmin(ctx: Ctx): void {
  if (ctx.actor?.kind !== 'platform_admin') {
    throw new AppError('forbidden', 'Only platform admins may do this.', { code: 'wrong_role' });
  }
}

/** The same checks on an express response carrying the verified context. */
export function storeCtx(res: Response): TenantCtx {
  const ctx = requestCtx(res);
  assertStoreRequest(ctx);
  return ctx;
}

export function staffCtx(res: Response): TenantCtx {
  const ctx = requestCtx(res);
  assertStaffOfStore(ctx);
  return ctx;
}

export function serviceCtx(res: Response): TenantCtx {
  const ctx = requestCtx(res);
  assertServiceForStore(ctx);
  return ctx;
}

/** Mounted in front of a whole path, so even its unknown routes answer 403/404 to the wrong caller. */
export const guard =
  (check: (res: Response) => TenantCtx) =>
  (_req: Request, res: Response, next: NextFunction): void => {
    check(res);
    next();
  };
