import { countryCode, currencyCode, plan } from '@fleet/api-contract';
import { z } from 'zod';

/** The public operations' schemas are the contract's (@fleet/api-contract, registry.ts, platform-tools.ts). */
export {
  changeTenantBody,
  deadLetterQuery,
  deadLetterRef,
  discardBody,
  discardedQuery,
  replayBody,
  provisionTenantBody,
  tenantIdParams,
  tenantListQuery,
  tenantStatusChangeBody,
} from '@fleet/api-contract';

/** `POST /internal/tenants` (services and tooling, not public). */
export const provisionBody = z.strictObject({
  slug: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  currency: currencyCode,
  country: countryCode,
  plan: plan.optional(),
});
