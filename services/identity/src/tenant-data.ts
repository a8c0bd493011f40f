import type { TenantDataPolicy } from '@fleet/tenant-data';

/** What identity's tenant export leaves out (docs/tenancy.md, "Tenant lifecycle"). */
export const tenantDataPolicy: TenantDataPolicy = {
  service: 'identity',
  // Refresh tokens are credentials, not the merchant's data: purged, never exported.
  exclude: ['refresh_tokens'],
  redact: {
    customers: ['password_hash'],
    staff: ['password_hash', 'creation_key_hash'],
    staff_invitations: ['token_hash'],
    account_tokens: ['token_hash'],
  },
};
