import { common, z } from '@fleet/config';

export const configSchema = z.object({
  NODE_ENV: common.NODE_ENV,
  LOG_LEVEL: common.LOG_LEVEL,
  PORT: common.PORT.default(4005).describe('HTTP port this process listens on (4005).'),
  BIND_ADDRESS: common.BIND_ADDRESS,
  DATABASE_URL: common.DATABASE_URL,
  DATABASE_POOL_SIZE: common.DATABASE_POOL_SIZE,
  RELAY_DATABASE_URL: z
    .url()
    .describe(
      'Postgres URL of the relay role: publishes the outbox and scans due reservations across tenants (read only).',
    ),
  AMQP_URL: common.AMQP_URL,
  AMQP_PREFIX: common.AMQP_PREFIX,
  REDIS_URL: common.REDIS_URL,
  REDIS_PREFIX: common.REDIS_PREFIX.describe(
    'Prefix of every Redis key this deployment writes; also the BullMQ prefix of the expiry-sweep queue.',
  ),
  INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
  RESERVATION_SWEEP_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(5_000)
    .describe('How often (ms) the repeatable BullMQ job releases reservations past their expiresAt.'),
});

export type InventoryConfig = z.infer<typeof configSchema>;
