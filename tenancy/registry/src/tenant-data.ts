import type { TenantDataPolicy } from '@fleet/tenant-data';

/** What tenancy's tenant export leaves out (docs/tenancy.md, "Tenant lifecycle"). */
export const tenantDataPolicy: TenantDataPolicy = {
  service: 'tenancy',
  // Routing, the platform's audit of discarded dead letters and the archives themselves.
  exclude: ['hostnames', 'dead_letter_discards', 'tenant_exports', 'tenant_export_chunks'],
};
