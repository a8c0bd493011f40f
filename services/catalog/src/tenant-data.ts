import type { TenantDataPolicy } from '@fleet/tenant-data';

/** What catalog's tenant export leaves out (docs/tenancy.md, "Tenant lifecycle"). */
export const tenantDataPolicy: TenantDataPolicy = {
  service: 'catalog',
};
