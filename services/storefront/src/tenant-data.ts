import type { TenantDataPolicy } from '@fleet/tenant-data';

/** What storefront's tenant export leaves out (docs/tenancy.md, "Tenant lifecycle"). */
export const tenantDataPolicy: TenantDataPolicy = {
  service: 'storefront',
};
