import type { Response } from 'express';
import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { requestCtx } from '@fleet/tenancy';

/** A store host's request: the gateway resolved the tenant. */
export function storeCtx(res: Response): TenantCtx {
  const ctx = requestCtx(res);
  if (!ctx.tenantId) throw new AppError('not_found', 'No store on this host.', { code: 'store_not_found' });
  return ctx as TenantCtx;
}
