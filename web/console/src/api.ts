import { createApi } from '@fleet/web-common';

/** The console's one client: the console host's platform API with the platform admin's session. */
export const api = createApi('/api/platform/session');

/** The API's types come from the contract the routes validate with (type-only: no zod in the bundle). */
export type { TenantDetail, TenantListItem as Tenant } from '@fleet/api-contract';

export const PLANS = ['free', 'basic', 'pro', 'enterprise'] as const;
