import { z } from 'zod';

export const provisionBody = z.strictObject({
  slug: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US'),
  plan: z.enum(['free', 'basic', 'pro', 'enterprise']).optional(),
});

export const tenantIdParams = z.strictObject({
  id: z.string().regex(/^ten_[0-9a-z]{26}$/, 'is not a tenant id'),
});

export const changeTenantBody = z.strictObject({
  plan: z.enum(['free', 'basic', 'pro', 'enterprise']),
});
