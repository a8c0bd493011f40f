import { common, secret, z } from '@fleet/config';

export const configSchema = z.object({
  NODE_ENV: common.NODE_ENV,
  LOG_LEVEL: common.LOG_LEVEL,
  PORT: common.PORT.default(4004),
  BIND_ADDRESS: common.BIND_ADDRESS,
  DATABASE_URL: common.DATABASE_URL.describe(
    'Postgres URL of the application role: the inbox, version markers and the embedded engine (owns no table, cannot bypass row-level security).',
  ),
  DATABASE_POOL_SIZE: common.DATABASE_POOL_SIZE,
  AMQP_URL: common.AMQP_URL,
  AMQP_PREFIX: common.AMQP_PREFIX,
  REDIS_URL: common.REDIS_URL.describe('Redis URL (the reindex job queue, BullMQ).'),
  REDIS_PREFIX: common.REDIS_PREFIX,
  INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
  CATALOG_URL: z
    .url()
    .describe('Base URL of the catalog service; a reindex pages through its GET /internal/products.'),
  MEILI_URL: z
    .url()
    .optional()
    .describe(
      'Meilisearch URL. When unset, search runs on the embedded Postgres engine (full text plus trigram typo tolerance) in DATABASE_URL.',
    ),
  MEILI_KEY: secret(
    z
      .string()
      .min(1)
      .describe(
        'Meilisearch API key that may manage indexes and documents (the master key or an admin key).',
      ),
    { minLength: 16 },
  ).optional(),
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/)
    .default('fleet_')
    .describe('Prefix of every Meilisearch index: `${MEILI_INDEX_PREFIX}products_${tenantId}`.'),
  REINDEX_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(16)
    .default(2)
    .describe('Tenants this process reindexes at once (never two runs for one tenant).'),
});

export type SearchConfig = z.infer<typeof configSchema>;
