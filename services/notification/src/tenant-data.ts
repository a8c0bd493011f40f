import type { TenantDataPolicy } from '@fleet/tenant-data';

/** What notification's tenant export leaves out (docs/tenancy.md, "Tenant lifecycle"). */
export const tenantDataPolicy: TenantDataPolicy = {
  service: 'notification',
  // A queued delivery's data may hold a one-time link's token (reset, verification) until it ends.
  redact: { deliveries: ['data'] },
};
