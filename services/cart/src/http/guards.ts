import type { NextFunction, Request, Response } from 'express';
import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { requestCtx } from '@fleet/tenancy';

/** A store host's request: the gateway resolved the tenant. */
export function storeCtx(res: Response): TenantCtx {
  const ctx = requestCtx(res);
  if (!ctx.tenantId) throw new AppError('not_found', 'No store on this host.', { code: 'store_not_found' });
  return ctx as TenantCtx;
}

/** Another service of the platform (checkout), acting for one tenant. */
export function serviceCtx(res: Response): TenantCtx {
  if (requestCtx(res).actor?.kind !== 'service') {
    throw new AppError('forbidden', 'This endpoint is internal to the platform.', { code: 'internal_only' });
  }
  return storeCtx(res);
}

/** Mounted in front of a whole path, so even its unknown routes answer 403/404 to the wrong caller. */
export const guard =
  (check: (res: Response) => TenantCtx) =>
  (_req: Request, res: Response, next: NextFunction): void => {
    check(res);
    next();
  };
