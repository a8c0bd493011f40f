import type { TenantDataPolicy } from '@fleet/tenant-data';

/** What engagement's tenant export leaves out (docs/tenancy.md, "Tenant lifecycle"): nothing secret is kept. */
export const tenantDataPolicy: TenantDataPolicy = {
  service: 'engagement',
};
