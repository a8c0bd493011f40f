import { common, z } from '@fleet/config';

export const configSchema = z.object({
  NODE_ENV: common.NODE_ENV,
  LOG_LEVEL: common.LOG_LEVEL,
  PORT: common.PORT.default(4011).describe('HTTP port this process listens on (4011).'),
  BIND_ADDRESS: common.BIND_ADDRESS,
  DATABASE_URL: common.DATABASE_URL,
  DATABASE_POOL_SIZE: common.DATABASE_POOL_SIZE,
  RELAY_DATABASE_URL: z.url().describe('Postgres URL of the relay role: publishes the outbox.'),
  AMQP_URL: common.AMQP_URL,
  AMQP_PREFIX: common.AMQP_PREFIX,
  INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
});

export type ShipmentConfig = z.infer<typeof configSchema>;
