import type { TenantDataPolicy } from '@fleet/tenant-data';

/** What payment's tenant export leaves out (docs/tenancy.md, "Tenant lifecycle"). */
export const tenantDataPolicy: TenantDataPolicy = {
  service: 'payment',
  redact: {
    // The provider credentials (sealed with PAYMENT_CREDENTIALS_KEY) and the provider's client secret.
    payment_settings: ['credentials_sealed'],
    payments: ['client_params'],
    refunds: ['request_hash'],
  },
};
