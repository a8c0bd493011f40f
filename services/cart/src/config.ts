import { common, z } from '@fleet/config';

export const configSchema = z.object({
  NODE_ENV: common.NODE_ENV,
  LOG_LEVEL: common.LOG_LEVEL,
  PORT: common.PORT.default(4008),
  BIND_ADDRESS: common.BIND_ADDRESS,
  REDIS_URL: common.REDIS_URL,
  REDIS_PREFIX: common.REDIS_PREFIX,
  INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
  CATALOG_URL: z
    .url()
    .describe('Base URL of the catalog service (variant lookups: prices, titles and availability).'),
  CART_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(90 * 86_400)
    .default(7 * 86_400)
    .describe('How long a cart lives after its last use (every read or change starts the period again).'),
  VARIANT_CACHE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(60_000)
    .default(3_000)
    .describe(
      'How long a catalog variant lookup is reused in-process for store requests (0: never). Checkout always reads fresh.',
    ),
  CATALOG_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(30_000)
    .default(2_000)
    .describe('Timeout of one catalog lookup; past it the request answers 503 catalog_unavailable.'),
});

export type CartConfig = z.infer<typeof configSchema>;
