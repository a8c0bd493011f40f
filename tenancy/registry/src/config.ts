import { common, z } from '@fleet/config';

export const configSchema = z.object({
  NODE_ENV: common.NODE_ENV,
  LOG_LEVEL: common.LOG_LEVEL,
  PORT: common.PORT.default(4001),
  DATABASE_URL: common.DATABASE_URL,
  RELAY_DATABASE_URL: z
    .url()
    .describe('Postgres URL of the outbox relay role (reads the outbox across tenants only).'),
  AMQP_URL: common.AMQP_URL,
  AMQP_PREFIX: common.AMQP_PREFIX,
  INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
  PLATFORM_DOMAIN: common.PLATFORM_DOMAIN,
});

export type RegistryConfig = z.infer<typeof configSchema>;

export const migrateConfigSchema = z.object({
  DATABASE_URL: common.DATABASE_URL,
  RELAY_DATABASE_URL: configSchema.shape.RELAY_DATABASE_URL,
  MIGRATION_DATABASE_URL: common.MIGRATION_DATABASE_URL,
});
