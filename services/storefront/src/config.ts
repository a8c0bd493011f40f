import { common, z } from '@fleet/config';

const url = (what: string) =>
  z.url().describe(`Base URL of the ${what}; called internally with a signed context.`);

export const configSchema = z.object({
  NODE_ENV: common.NODE_ENV,
  LOG_LEVEL: common.LOG_LEVEL,
  PORT: common.PORT.default(4010),
  BIND_ADDRESS: common.BIND_ADDRESS,
  PLATFORM_DOMAIN: common.PLATFORM_DOMAIN,
  DATABASE_URL: common.DATABASE_URL.describe(
    'Postgres URL of the application role: per-tenant theme template overrides (owns no table, cannot bypass row-level security).',
  ),
  DATABASE_POOL_SIZE: common.DATABASE_POOL_SIZE,
  REDIS_URL: common.REDIS_URL.describe('Redis URL: the catalog and theme cache stamps of each store.'),
  REDIS_PREFIX: common.REDIS_PREFIX,
  INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
  TENANCY_URL: url('tenant registry (store info, rates, sign-up)'),
  CATALOG_URL: url('catalog service'),
  SEARCH_URL: url('search service'),
  CART_URL: url('cart service'),
  CHECKOUT_URL: url('checkout service'),
  ORDER_URL: url('order service'),
  IDENTITY_URL: url('identity service (customer sign-in)'),
  PAYMENT_URL: url('payment service (test-mode payments)'),
  ENGAGEMENT_URL: url(
    'engagement service (reviews, recommendations, wishlists); unset: none shown',
  ).optional(),
  PAGE_CACHE_MB: z.coerce
    .number()
    .int()
    .min(0)
    .max(4096)
    .default(32)
    .describe(
      'Memory for rendered catalog pages, checked against the store catalog and theme stamps; 0 turns it off.',
    ),
  UPSTREAM_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(5_000)
    .describe('How long one internal call to a service may take.'),
});

export type StorefrontConfig = z.infer<typeof configSchema>;
