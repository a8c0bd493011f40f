import { common, z } from '@fleet/config';

export const configSchema = z.object({
  NODE_ENV: common.NODE_ENV,
  LOG_LEVEL: common.LOG_LEVEL,
  PORT: common.PORT.default(4003),
  BIND_ADDRESS: common.BIND_ADDRESS,
  DATABASE_URL: common.DATABASE_URL,
  // The storefront list holds one connection per request for one round trip.
  DATABASE_POOL_SIZE: common.DATABASE_POOL_SIZE.default(20),
  RELAY_DATABASE_URL: z
    .url()
    .describe('Postgres URL of the outbox relay role (reads the outbox across tenants only).'),
  REDIS_URL: common.REDIS_URL,
  REDIS_PREFIX: common.REDIS_PREFIX,
  AMQP_URL: common.AMQP_URL,
  AMQP_PREFIX: common.AMQP_PREFIX,
  INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
});

export type CatalogConfig = z.infer<typeof configSchema>;
