import type { TenantDataPolicy } from '@fleet/tenant-data';

/** What order's tenant export leaves out (docs/tenancy.md, "Tenant lifecycle"). */
export const tenantDataPolicy: TenantDataPolicy = {
  service: 'order',
  redact: {
    // The order-status link's token (hash and nonce) and the provider's client secret.
    orders: ['request_hash', 'access_token_hash', 'access_token_nonce', 'payment_client_params'],
  },
};
