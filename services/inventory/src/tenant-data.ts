import type { TenantDataPolicy } from '@fleet/tenant-data';

/** What inventory's tenant export leaves out (docs/tenancy.md, "Tenant lifecycle"). */
export const tenantDataPolicy: TenantDataPolicy = {
  service: 'inventory',
};
