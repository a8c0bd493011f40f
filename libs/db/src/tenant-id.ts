import { AppError } from '@fleet/errors';

/** Tenant ids are `ten_` plus 26 Crockford base32 characters (see ids.ts). */
const TENANT_ID = /^ten_[0-9a-z]{26}$/;

export function assertTenantId(tenantId: string | undefined): string {
  if (tenantId === undefined || !TENANT_ID.test(tenantId)) {
    throw new AppError('internal', 'A tenant-scoped unit of work was started without a valid tenant id.');
  }
  return tenantId;
}
