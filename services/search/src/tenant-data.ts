import type { TenantDataPolicy } from '@fleet/tenant-data';

/** What search's tenant export leaves out (docs/tenancy.md, "Tenant lifecycle"). */
export const tenantDataPolicy: TenantDataPolicy = {
  service: 'search',
};
